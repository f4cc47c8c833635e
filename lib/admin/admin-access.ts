import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export class AdminAccessError extends Error {
  name = "AdminAccessError";
}

/** ADMIN_EMAILS is lower-cased by lib/env; session emails may not be. */
export function isAdminEmail(email: string, adminEmails: readonly string[] = env().ADMIN_EMAILS): boolean {
  return adminEmails.includes(email.trim().toLowerCase());
}

/**
 * A state-changing request must come from our own pages: its Origin names this host (or SITE_URL).
 * A request without an Origin is refused too: browsers send one on every POST.
 */
export function isSameOrigin(requestHeaders: Pick<Headers, "get">, siteUrl: string = env().SITE_URL): boolean {
  const origin = requestHeaders.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  return originHost === host || origin === new URL(siteUrl).origin;
}

/** For /admin pages: sign in first; signed in but not an admin gets a 404 (the page's existence is not advertised). */
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/admin")}`);
  if (!isAdminEmail(user.email)) notFound();
  return user;
}

/** For admin server actions: re-checks the session and the Origin on every call (actions are public endpoints). */
export async function requireAdminAction(): Promise<SessionUser> {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) throw new AdminAccessError("refused: cross-site request");
  const user = await getSessionUser(requestHeaders);
  if (!user || !isAdminEmail(user.email)) throw new AdminAccessError("refused: not signed in as an admin");
  return user;
}
