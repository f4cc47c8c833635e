/**
 * Signed tokens through the routes that accept them: a token names one search and one purpose, so a
 * feed token does not unsubscribe, an unsubscribe or delivery token does not open a feed, one
 * search's MAC does not carry over to another search, a token signed under another secret is
 * refused, and a deleted search's tokens are dead. Refusals change nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/feeds/[token]/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/unsubscribe/[token]/route";
import { authSecret } from "@/lib/auth/secret";
import { signToken, type TokenPurpose } from "@/lib/security/signed-token";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { createSearch, createUser } from "../alerts/alert-fixtures";

const SITE = "http://127.0.0.1:3994";
beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "signed-token-routes-secret-".padEnd(48, "x"), SMTP_URL: "" });
});
const database = setupTestDatabase();
const params = (token: string) => ({ params: Promise.resolve({ token }) });
const oneClick = (token: string) =>
  unsubscribePost(
    new Request(`${SITE}/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
    params(token),
  );
const feed = (token: string) => feedRoute(new Request(`${SITE}/feeds/${token}`), params(token));

describe("signed tokens at the routes", () => {
  it("are bound to one purpose, one search and this site's secret", async () => {
    const owner = await createUser(database.db, "owner@example.test");
    const mine = await createSearch(database.db, owner, { level: ["staff"] }, { name: "Mine" });
    const theirs = await createSearch(database.db, await createUser(database.db, "other@example.test"), {}, { name: "Theirs" });
    const sign = (purpose: TokenPurpose, id: string) => signToken(purpose, id, authSecret());
    const macOf = (token: string) => token.split(".")[1]!;

    // The genuine tokens work (so the refusals below are about the token).
    expect((await feed(sign("feed", mine))).status).toBe(200);
    expect((await unsubscribeGet(new Request(SITE), params(sign("unsubscribe", mine)))).status).toBe(200);

    const notUnsubscribe = [
      sign("feed", mine),
      sign("delivery", mine),
      `${theirs}.${macOf(sign("unsubscribe", mine))}`,
      `${mine}.${macOf(sign("unsubscribe", theirs))}`,
      signToken("unsubscribe", mine, "another-deployment-secret".padEnd(48, "y")),
      `${mine}.${macOf(sign("unsubscribe", mine)).toUpperCase()}`,
      `${mine}.${macOf(sign("unsubscribe", mine))}=`,
    ];
    for (const token of notUnsubscribe) expect((await oneClick(token)).status, token).toBe(404);
    const notFeed = [
      sign("unsubscribe", mine),
      sign("delivery", mine),
      `${theirs}.${macOf(sign("feed", mine))}`,
      signToken("feed", mine, "another-deployment-secret".padEnd(48, "y")),
    ];
    for (const token of notFeed) expect((await feed(token)).status, token).toBe(404);
    expect(await database.db.savedSearch.count({ where: { paused: true } })).toBe(0);

    // A deleted search's tokens are dead.
    const feedToken = sign("feed", mine);
    const unsubscribeToken = sign("unsubscribe", mine);
    await database.db.savedSearch.delete({ where: { id: mine } });
    expect((await feed(feedToken)).status).toBe(404);
    expect((await oneClick(unsubscribeToken)).status).toBe(404);
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id: theirs } })).paused).toBe(false);
    // ...and the genuine one-click POST does pause (the refusals above were not a broken route).
    expect((await oneClick(sign("unsubscribe", theirs))).status).toBe(200);
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id: theirs } })).paused).toBe(true);
  });
});
