import { AppError, RateLimitedError } from "@/lib/errors";
import { readFormPost, seeOther } from "@/lib/security/form-post";
import { getSessionUser, type SessionUser } from "./session";

/**
 * The frame of every account mutation: refuse cross-site posts (403), send signed-out people to
 * sign in (and back to `returnTo`), run the handler with the signed-in user, and turn typed errors into their status.
 * Ownership is checked by the lib/ function the handler calls, where the data is written.
 */
export async function signedInFormPost(
  request: Request,
  handle: (user: SessionUser, fields: Record<string, string>) => Promise<Response>,
  returnTo: (fields: Record<string, string>) => string = () => "/account/searches",
): Promise<Response> {
  const form = await readFormPost(request);
  if (!form.ok) return form.response;
  const user = await getSessionUser(request.headers);
  if (!user) return seeOther(`/sign-in?next=${encodeURIComponent(returnTo(form.fields))}`);
  try {
    return await handle(user, form.fields);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8" };
    if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
    return new Response(`${error.message}\n`, { status: error.status, headers });
  }
}
