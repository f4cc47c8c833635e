import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

/** Sign-in links are valid this long (OWASP ASVS: short-lived, single use). */
export const SIGN_IN_LINK_MINUTES = 10;

/** 32 random bytes: 256 bits, 43 URL-safe characters. */
export function newSignInToken(): string {
  return randomBytes(32).toString("base64url");
}

/** How a token is stored: only its SHA-256, under the magic-link plugin's own identifier scheme. */
export function signInTokenIdentifier(token: string): string {
  return `magic-link:${createHash("sha256").update(token).digest("base64url")}`;
}

/**
 * Take a sign-in token out of the database, once: a single DELETE … RETURNING, so of any number
 * of concurrent redemptions (in any number of processes) exactly one gets the row. Expired rows
 * are deleted too but yield nothing, like unknown ones.
 */
export async function claimSignInToken(db: Db, token: string, now: Date): Promise<{ value: string } | null> {
  const [row] = await db.$queryRaw<{ value: string; expires_at: Date }[]>`
    DELETE FROM verification WHERE identifier = ${signInTokenIdentifier(token)} RETURNING value, expires_at`;
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  return { value: row.value };
}
