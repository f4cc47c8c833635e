import { randomUUID } from "node:crypto";
import { redeemSignInLink } from "@/lib/auth/sign-in";
import { newSignInToken, signInTokenIdentifier } from "@/lib/auth/sign-in-token";
import { getDb } from "@/lib/db";

/** Sign in through the real redemption path (a token stored as the magic-link plugin stores it); returns the Cookie header value. */
export async function signInAs(email: string): Promise<{ userId: string; cookie: string }> {
  const token = newSignInToken();
  await getDb().verification.create({
    data: {
      id: randomUUID(),
      identifier: signInTokenIdentifier(token),
      value: JSON.stringify({ type: "magic-link", email }),
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  const signedIn = await redeemSignInLink(token);
  if (!signedIn) throw new Error("sign-in failed");
  return { userId: signedIn.userId, cookie: signedIn.setCookies.map((c) => c.split(";")[0]!).join("; ") };
}
