import { render } from "@react-email/render";
import { createElement } from "react";
import { UnsubscribePage, type UnsubscribeState } from "@/components/account/unsubscribe-page";
import { authSecret } from "@/lib/auth/secret";
import { getSavedSearchById, pauseSavedSearchById } from "@/lib/saved-searches/queries";
import { readFormPost } from "@/lib/security/form-post";
import { verifyToken } from "@/lib/security/signed-token";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

async function page(state: UnsubscribeState, status: number, searchName?: string): Promise<Response> {
  const html = await render(createElement(UnsubscribePage, { state, searchName }));
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "same-origin" },
  });
}

async function searchIdOf(context: Context): Promise<string | null> {
  return verifyToken("unsubscribe", (await context.params).token, authSecret());
}

/** GET: a confirmation page; nothing changes (scanners and previews fetch links). */
export async function GET(_request: Request, context: Context) {
  const id = await searchIdOf(context);
  const search = id ? await getSavedSearchById(id) : null;
  return search ? page("confirm", 200, search.name) : page("unknown", 404);
}

/** POST (RFC 8058 one-click, or the page's button): pause that one search at once. No cookies needed, no redirect. */
export async function POST(request: Request, context: Context) {
  const form = await readFormPost(request);
  if (!form.ok) return form.response;
  const id = await searchIdOf(context);
  const paused = id ? await pauseSavedSearchById(id) : null;
  return paused ? page("done", 200, paused.name) : page("unknown", 404);
}
