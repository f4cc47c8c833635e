import { env } from "@/lib/env";
import { refuseCrossSite } from "./cross-site";

export type FormPost = { ok: true; fields: Record<string, string> } | { ok: false; response: Response };

/** The text fields of a form POST, or the 403 response when it comes from another site. */
export async function readFormPost(request: Request): Promise<FormPost> {
  const refused = refuseCrossSite(request, env().SITE_URL);
  if (refused) return { ok: false, response: refused };
  const fields: Record<string, string> = {};
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    for (const [key, value] of (await request.formData()).entries()) if (typeof value === "string" && !(key in fields)) fields[key] = value;
  }
  return { ok: true, fields };
}

/** 303 See Other to a path on this site (relative, so it stays on the host the browser used). */
export function seeOther(location: string, setCookies: readonly string[] = []): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * The client address for rate limiting: the rightmost X-Forwarded-For entry, the one our own
 * reverse proxy (or Next) added; entries to its left are whatever the client claimed.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
  return forwarded[forwarded.length - 1] ?? headers.get("x-real-ip") ?? "unknown";
}
