import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as requestLink } from "@/app/api/auth/sign-in/route";
import { POST as redeemLink } from "@/app/api/auth/magic-link/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { getSessionUser } from "@/lib/auth/session";
import { redeemSignInLink, requestSignInLink } from "@/lib/auth/sign-in";
import { signInTokenIdentifier } from "@/lib/auth/sign-in-token";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { startSmtpCapture, type SmtpCapture } from "../alerts/smtp-capture";

const SITE = "http://127.0.0.1:3999";
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  Object.assign(process.env, { SMTP_URL: smtp.url, SITE_URL: SITE, AUTH_SECRET: "test-secret-".padEnd(48, "x") });
});
const database = setupTestDatabase();
afterAll(async () => smtp.close());

function form(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}/api/auth/x`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Request a link for email and return the token from the message that arrives. */
async function linkFor(email: string, ip = "10.0.0.1"): Promise<{ token: string; url: URL }> {
  const before = smtp.messages.length;
  expect((await requestSignInLink({ email, ip, next: "/account/searches/new?level=staff" })).status).toBe("sent");
  const messages = await smtp.waitFor(before + 1);
  const mail = messages[before]!;
  expect(mail.to).toEqual([email]);
  const match = /(http:\/\/\S+\/sign-in\/confirm\?\S+)/.exec(mail.parsed.text ?? "");
  const url = new URL(match![1]!.replace(/[\])>.,]+$/, ""));
  return { token: url.searchParams.get("token")!, url };
}

describe("magic-link sign-in", () => {
  it("emails a link to a confirmation page with a 256-bit token, storing only its hash for 10 minutes", async () => {
    const started = Date.now();
    const { token, url } = await linkFor("ada@example.test");
    expect(url.pathname).toBe("/sign-in/confirm");
    expect(url.searchParams.get("next")).toBe("/account/searches/new?level=staff");
    expect(Buffer.from(token, "base64url").length).toBe(32);
    const rows = await database.db.verification.findMany();
    const row = rows.find((r) => r.identifier === signInTokenIdentifier(token))!;
    expect(row).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(token);
    const minutes = (row.expiresAt.getTime() - started) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThan(10.1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.parsed.html).toContain(url.toString().replace(/&/g, "&amp;"));
  });

  it("signs in once: a confirmed user, a session in the database and an HttpOnly SameSite=Lax cookie", async () => {
    const { token } = await linkFor("grace@example.test");
    const signedIn = await redeemSignInLink(token);
    expect(signedIn).not.toBeNull();
    const cookie = signedIn!.setCookies.find((c) => c.startsWith("mlradar.session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const user = await getSessionUser(new Headers({ cookie: cookie.split(";")[0]! }));
    expect(user).toMatchObject({ email: "grace@example.test", timeZone: "UTC" });
    expect(await database.db.user.findUniqueOrThrow({ where: { email: "grace@example.test" } })).toMatchObject({ emailVerified: true });
    expect(await database.db.session.count({ where: { userId: user!.id } })).toBe(1);
    expect(await redeemSignInLink(token)).toBeNull();
  });

  it("lets exactly one of 50 concurrent redemptions of one token through", async () => {
    const { token } = await linkFor("race@example.test");
    const results = await Promise.all(Array.from({ length: 50 }, () => redeemSignInLink(token)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "race@example.test" } });
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired token", async () => {
    const { token } = await linkFor("late@example.test");
    expect(await redeemSignInLink(token, new Date(Date.now() + 10 * 60_000 + 1000))).toBeNull();
    expect(await redeemSignInLink(token)).toBeNull();
  });

  it("gives expired, reused and unknown tokens the same generic answer", async () => {
    const used = await linkFor("same@example.test");
    const first = await redeemLink(form({ token: used.token, next: "/account/searches" }));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/account/searches");
    const answers = [
      await redeemLink(form({ token: used.token })),
      await redeemLink(form({ token: "A".repeat(43) })),
      await redeemLink(form({ token: "not a token" })),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/sign-in?error=link");
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });

  it("answers known and unknown addresses byte for byte the same", async () => {
    await linkFor("known@example.test").then(({ token }) => redeemSignInLink(token));
    const known = await requestLink(form({ email: "known@example.test", next: "/account" }, { "x-forwarded-for": "10.1.0.1" }));
    const unknown = await requestLink(form({ email: "nobody@example.test", next: "/account" }, { "x-forwarded-for": "10.1.0.2" }));
    expect(known.status).toBe(303);
    expect([...known.headers.entries()]).toEqual([...unknown.headers.entries()]);
    expect(await known.text()).toBe(await unknown.text());
  });

  it("issues at most 5 links an hour per address and 20 per IP, counted in the database", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await requestSignInLink({ email: "many@example.test", ip: `10.2.0.${i}`, next: "/" })).status);
    expect(results).toEqual(["sent", "sent", "sent", "sent", "sent", "rate-limited"]);
    const byIp = [];
    for (let i = 0; i < 21; i++) byIp.push((await requestSignInLink({ email: `ip${i}@example.test`, ip: "10.3.0.1", next: "/" })).status);
    expect(byIp.filter((s) => s === "sent")).toHaveLength(20);
    expect(byIp.at(-1)).toBe("rate-limited");
    const later = new Date(Date.now() + 3_600_000 + 1000);
    expect((await requestSignInLink({ email: "many@example.test", ip: "10.2.0.9", next: "/" }, later)).status).toBe("sent");
    expect(await database.db.rateLimit.count()).toBeGreaterThan(0);
    const keys = (await database.db.rateLimit.findMany()).map((r) => r.key).join(" ");
    expect(keys).not.toContain("many@example.test");
  });

  it("signs out: the session row is gone and the cookie cleared", async () => {
    const { token } = await linkFor("bye@example.test");
    const signedIn = await redeemSignInLink(token);
    const cookie = signedIn!.setCookies.find((c) => c.startsWith("mlradar.session="))!.split(";")[0]!;
    const response = await signOutRoute(form({}, { cookie }));
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("mlradar.session=;") || /mlradar\.session=.*Max-Age=0/.test(c))).toBe(true);
    expect(await getSessionUser(new Headers({ cookie }))).toBeNull();
    expect(await database.db.session.count({ where: { userId: signedIn!.userId } })).toBe(0);
  });
});
