/**
 * Session cookies as a production deployment (an https SITE_URL) sets them: Secure, HttpOnly,
 * SameSite=Lax, and __Host- prefixed (Path=/, no Domain), so script cannot read them, other sites'
 * requests do not carry them on POSTs, and plain http never sees them. The http variant (no Secure,
 * no prefix) is covered in tests/integration/auth/sign-in.test.ts.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { getSessionUser } from "@/lib/auth/session";
import { redeemSignInLink } from "@/lib/auth/sign-in";
import { newSignInToken, signInTokenIdentifier } from "@/lib/auth/sign-in-token";
import { getDb } from "@/lib/db";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const SITE = "https://mlradar.example";
beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "session-cookie-secret-".padEnd(48, "x"), SMTP_URL: "", NODE_ENV: "production" });
});
setupTestDatabase();

function attributes(setCookie: string): { name: string; flags: Map<string, string> } {
  const [pair, ...rest] = setCookie.split(";").map((part) => part.trim());
  const flags = new Map(rest.map((part) => {
    const [key, ...value] = part.split("=");
    return [key!.toLowerCase(), value.join("=")] as [string, string];
  }));
  return { name: pair!.split("=")[0]!, flags };
}

describe("session cookies on an https site", () => {
  it("are __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and carry no Domain", async () => {
    const { setCookies, cookie } = await signInAsWithCookies("prod@example.test");
    expect(setCookies.length).toBeGreaterThan(0);
    const session = setCookies.map(attributes).find((c) => c.name === "__Host-mlradar.session");
    expect(session, setCookies.join("\n")).toBeDefined();
    for (const { name, flags } of setCookies.map(attributes)) {
      expect(name, name).toMatch(/^__Host-mlradar\./);
      expect(flags.has("secure"), `${name} Secure`).toBe(true);
      expect(flags.has("httponly"), `${name} HttpOnly`).toBe(true);
      expect(flags.get("samesite")?.toLowerCase(), `${name} SameSite`).toBe("lax");
      expect(flags.get("path"), `${name} Path`).toBe("/");
      expect(flags.has("domain"), `${name} Domain`).toBe(false);
    }
    // The prefixed cookie is the one the server reads back.
    expect(await getSessionUser(new Headers({ cookie }))).toMatchObject({ email: "prod@example.test" });
    expect(await getSessionUser(new Headers({ cookie: cookie.replace(/__Host-/g, "") }))).toBeNull();
  });

  it("are cleared on sign-out with the same Secure __Host- attributes", async () => {
    const { cookie } = await signInAsWithCookies("leaving@example.test");
    const response = await signOutRoute(
      new Request(`${SITE}/api/auth/sign-out`, { method: "POST", headers: { origin: SITE, cookie, "content-type": "application/x-www-form-urlencoded" } }),
    );
    const cleared = response.headers.getSetCookie().map(attributes).find((c) => c.name === "__Host-mlradar.session");
    expect(cleared).toBeDefined();
    expect(cleared!.flags.has("secure")).toBe(true);
    expect(await getSessionUser(new Headers({ cookie }))).toBeNull();
  });
});

/** Signs in through the real redemption path and returns every Set-Cookie it answered with. */
async function signInAsWithCookies(email: string): Promise<{ setCookies: string[]; cookie: string }> {
  const token = newSignInToken();
  await getDb().verification.create({
    data: { id: randomUUID(), identifier: signInTokenIdentifier(token), value: JSON.stringify({ type: "magic-link", email }), expiresAt: new Date(Date.now() + 600_000) },
  });
  const signedIn = await redeemSignInLink(token);
  if (!signedIn) throw new Error("sign-in failed");
  return { setCookies: signedIn.setCookies, cookie: signedIn.setCookies.map((c) => c.split(";")[0]!).join("; ") };
}
