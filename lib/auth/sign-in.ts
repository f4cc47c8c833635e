import { createHmac, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { getAuth } from "./auth";
import { authSecret } from "./secret";
import { claimSignInToken, newSignInToken, signInTokenIdentifier } from "./sign-in-token";

const HOUR = 3_600_000;
/** Sign-in links issued per address and per client IP per hour. */
export const LINKS_PER_ADDRESS_PER_HOUR = 5;
export const LINKS_PER_IP_PER_HOUR = 20;

export type SignInRequestResult = { status: "sent" } | { status: "rate-limited"; retryAfterSeconds: number };

/** Rate-limit keys name a keyed hash of the address, not the address itself. */
function subjectKey(kind: string, value: string): string {
  return `sign-in:${kind}:${createHmac("sha256", authSecret()).update(value).digest("base64url")}`;
}

/**
 * Email a sign-in link. The answer never depends on whether the address has an account: the same
 * work is done and the same result returned for known and unknown addresses.
 */
export async function requestSignInLink(input: { email: string; ip: string; next: string }, now = new Date()): Promise<SignInRequestResult> {
  const db = getDb();
  const limits = await Promise.all([
    consumeRateLimit(db, { key: subjectKey("ip", input.ip), limit: LINKS_PER_IP_PER_HOUR, windowMs: HOUR }, now),
    consumeRateLimit(db, { key: subjectKey("email", input.email), limit: LINKS_PER_ADDRESS_PER_HOUR, windowMs: HOUR }, now),
  ]);
  const refused = limits.filter((limit) => !limit.allowed);
  if (refused.length) return { status: "rate-limited", retryAfterSeconds: Math.max(...refused.map((l) => l.retryAfterSeconds)) };
  await getAuth().api.signInMagicLink({ body: { email: input.email, metadata: { next: input.next } }, headers: new Headers() });
  return { status: "sent" };
}

export interface RedeemedSignIn {
  userId: string;
  /** Set-Cookie header values of the new session. */
  setCookies: string[];
}

/**
 * Redeem a sign-in token: our DELETE … RETURNING takes it out of the database exactly once, then the
 * winner hands Better Auth a fresh internal token (never sent anywhere, valid one minute) so the
 * session and its signed cookie are Better Auth's. Unknown, expired and reused tokens all give null.
 */
export async function redeemSignInLink(token: string, now = new Date()): Promise<RedeemedSignIn | null> {
  const db = getDb();
  const claimed = await claimSignInToken(db, token, now);
  if (!claimed) return null;
  const handoff = newSignInToken();
  await db.verification.create({
    data: { id: randomUUID(), identifier: signInTokenIdentifier(handoff), value: claimed.value, expiresAt: new Date(Date.now() + 60_000) },
  });
  const response = await getAuth().api.magicLinkVerify({ query: { token: handoff }, headers: new Headers(), asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed after the token was claimed (${response.status})`);
  const body = (await response.json()) as { user: { id: string } };
  // Receiving this link proves the mailbox works again.
  await db.user.updateMany({ where: { id: body.user.id, suppressedAt: { not: null } }, data: { suppressedAt: null, suppressedReason: null } });
  return { userId: body.user.id, setCookies: response.headers.getSetCookie() };
}

/** Sign out: the session row is deleted and the cookies cleared. */
export async function signOut(headers: Headers): Promise<string[]> {
  const cookie = headers.get("cookie");
  const response = await getAuth().api.signOut({ headers: new Headers(cookie ? { cookie } : {}), asResponse: true });
  return response.headers.getSetCookie();
}
