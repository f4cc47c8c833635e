import { createHmac, timingSafeEqual } from "node:crypto";

/** What a token grants; a token signed for one purpose never verifies for another. */
export type TokenPurpose = "feed" | "unsubscribe" | "delivery";

const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;

function mac(purpose: TokenPurpose, subject: string, secret: string): string {
  return createHmac("sha256", secret).update(`mlradar:${purpose}:${subject}`).digest("base64url");
}

/** `<subject>.<HMAC-SHA256>`: the subject (a record id) in the clear, bound to its purpose by the MAC. */
export function signToken(purpose: TokenPurpose, subject: string, secret: string): string {
  if (!SUBJECT.test(subject)) throw new Error(`cannot sign subject ${JSON.stringify(subject)}`);
  return `${subject}.${mac(purpose, subject, secret)}`;
}

/** The subject of a valid token for this purpose, or null (forged, truncated, other purpose). */
export function verifyToken(purpose: TokenPurpose, token: string, secret: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const subject = token.slice(0, dot);
  if (!SUBJECT.test(subject)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, subject, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
}
