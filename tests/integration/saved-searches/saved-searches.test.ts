import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/account/searches/create/route";
import { POST as deleteRoute } from "@/app/account/searches/[id]/delete/route";
import { POST as pauseRoute } from "@/app/account/searches/[id]/pause/route";
import { POST as updateRoute } from "@/app/account/searches/[id]/update/route";
import { POST as timeZoneRoute } from "@/app/account/time-zone/route";
import { GET as feedRoute } from "@/app/feeds/[token]/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/unsubscribe/[token]/route";
import { unsubscribeUrl } from "@/lib/alerts/alert-email";
import { authSecret } from "@/lib/auth/secret";
import { privateFeedUrl } from "@/lib/feeds/private-feed";
import { filtersHash } from "@/lib/saved-searches/canonical";
import { listSavedSearches } from "@/lib/saved-searches/queries";
import { signToken } from "@/lib/security/signed-token";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { ingest } from "../alerts/alert-fixtures";
import { signInAs } from "./sign-in-as";

const SITE = "http://127.0.0.1:3998";
beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "saved-search-secret-".padEnd(48, "x"), SMTP_URL: "" });
});
const database = setupTestDatabase();

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, "sec-fetch-site": "same-origin", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

async function create(cookie: string, fields: Record<string, string>): Promise<string> {
  const response = await createRoute(post("/account/searches/create", fields, { cookie }));
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location")!, SITE).searchParams.get("saved")!;
}

describe("saved searches", () => {
  it("saves the listing's filters, validated by the listing's schema, with a name and a frequency", async () => {
    const { userId, cookie } = await signInAs("ada@example.test");
    const id = await create(cookie, {
      name: "Remote staff",
      frequency: "daily",
      sendHour: "9",
      timeZone: "Europe/Berlin",
      query: "level=staff&remote=remote&skills=pytorch&salaryMin=abc&bogus=1",
    });
    const saved = await database.db.savedSearch.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ userId, name: "Remote staff", frequency: "daily", sendHour: 9, paused: false });
    expect(saved.filters).toEqual({ level: ["staff"], remote: ["remote"], skills: ["pytorch"] });
    expect(saved.filtersHash).toBe(filtersHash({ level: ["staff"], remote: ["remote"], skills: ["pytorch"] }));
    expect((await database.db.user.findUniqueOrThrow({ where: { id: userId } })).timeZone).toBe("Europe/Berlin");
    // 09:00 in Berlin.
    expect(saved.nextSendAt!.getUTCHours()).toBe(8);
    expect(saved.nextSendAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("lists searches with their next send time and how many open postings match", async () => {
    const { userId, cookie } = await signInAs("count@example.test");
    await ingest(database.db, [
      makePosting({ externalId: "c1", roleFit: { family: "ml_engineering", level: "staff", fit: true, score: 0.9, reasons: [] } }),
      makePosting({ externalId: "c2", roleFit: { family: "ml_engineering", level: "staff", fit: true, score: 0.9, reasons: [] } }),
      makePosting({ externalId: "c3" }),
    ]);
    await create(cookie, { name: "Staff", frequency: "instant", query: "level=staff" });
    const [listed] = await listSavedSearches(userId);
    expect(listed).toMatchObject({ name: "Staff", frequency: "instant", matchingOpen: 2, nextSendAt: null });
  });

  it("renames, changes frequency, pauses, resumes and deletes its owner's searches", async () => {
    const { cookie } = await signInAs("owner@example.test");
    const id = await create(cookie, { name: "First", frequency: "instant", query: "" });
    expect((await updateRoute(post(`/account/searches/${id}/update`, { name: "Renamed", frequency: "weekly", sendHour: "7" }, { cookie }), params({ id }))).status).toBe(303);
    const updated = await database.db.savedSearch.findUniqueOrThrow({ where: { id } });
    expect(updated).toMatchObject({ name: "Renamed", frequency: "weekly", sendHour: 7 });
    expect(updated.nextSendAt!.getUTCDay()).toBe(1);
    await pauseRoute(post(`/account/searches/${id}/pause`, { paused: "1" }, { cookie }), params({ id }));
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).paused).toBe(true);
    await pauseRoute(post(`/account/searches/${id}/pause`, { paused: "0" }, { cookie }), params({ id }));
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).paused).toBe(false);
    expect((await timeZoneRoute(post("/account/time-zone", { timeZone: "Asia/Tokyo" }, { cookie }))).status).toBe(303);
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).nextSendAt!.getUTCHours()).toBe(22);
    expect((await deleteRoute(post(`/account/searches/${id}/delete`, {}, { cookie }), params({ id }))).status).toBe(303);
    expect(await database.db.savedSearch.count({ where: { id } })).toBe(0);
  });

  it("checks ownership where the data is written: another user's search is a 404 and stays as it was", async () => {
    const owner = await signInAs("mine@example.test");
    const other = await signInAs("theirs@example.test");
    const id = await create(owner.cookie, { name: "Mine", frequency: "instant", query: "" });
    const attempts = [
      await updateRoute(post(`/account/searches/${id}/update`, { name: "Stolen" }, { cookie: other.cookie }), params({ id })),
      await pauseRoute(post(`/account/searches/${id}/pause`, { paused: "1" }, { cookie: other.cookie }), params({ id })),
      await deleteRoute(post(`/account/searches/${id}/delete`, {}, { cookie: other.cookie }), params({ id })),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Mine", paused: false });
  });

  it("sends signed-out saves to sign in and back", async () => {
    const response = await createRoute(post("/account/searches/create", { name: "x", frequency: "daily", query: "level=staff" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent("/account/searches/new?level=staff")}`);
    const forged = await createRoute(post("/account/searches/create", { name: "x", frequency: "daily" }, { cookie: "mlradar.session=forged.value" }));
    expect(forged.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("refuses bad input with a 400 and saves nothing", async () => {
    const { userId, cookie } = await signInAs("bad@example.test");
    const response = await createRoute(post("/account/searches/create", { name: "", frequency: "hourly", query: "" }, { cookie }));
    expect(response.status).toBe(400);
    expect(await database.db.savedSearch.count({ where: { userId } })).toBe(0);
  });
});

describe("private feeds", () => {
  it("serves a saved search's postings as Atom to a token bound to that search", async () => {
    const { cookie } = await signInAs("feed@example.test");
    await ingest(database.db, [makePosting({ externalId: "f1", title: "Principal Feed Engineer", roleFit: { family: "ml_engineering", level: "principal", fit: true, score: 0.9, reasons: [] } })]);
    const id = await create(cookie, { name: "Principal", frequency: "daily", query: "level=principal" });
    const other = await create(cookie, { name: "Other", frequency: "daily", query: "level=lead" });
    const url = new URL(privateFeedUrl(id, SITE, authSecret()));
    const token = url.pathname.split("/").pop()!;
    const response = await feedRoute(new Request(url), params({ token }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml).toContain("<title>mlradar: Principal</title>");
    expect(xml).toContain("Principal Feed Engineer");
    const mac = token.split(".")[1];
    for (const bad of [`${other}.${mac}`, signToken("unsubscribe", id, authSecret()), `${id}.${"A".repeat(43)}`]) {
      expect((await feedRoute(new Request(url), params({ token: bad }))).status).toBe(404);
    }
  });
});

describe("one-click unsubscribe", () => {
  it("GET shows a confirmation and changes nothing; POST without cookies pauses that one search, without redirecting", async () => {
    const { cookie } = await signInAs("unsub@example.test");
    const id = await create(cookie, { name: "Noisy", frequency: "instant", query: "" });
    const keep = await create(cookie, { name: "Keep", frequency: "instant", query: "" });
    const url = unsubscribeUrl(id, SITE, authSecret());
    const token = new URL(url).pathname.split("/").pop()!;

    const page = await unsubscribeGet(new Request(url), params({ token }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Noisy");
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).paused).toBe(false);

    // What a mail provider sends (RFC 8058): no cookies, no Origin.
    const oneClick = await unsubscribePost(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      params({ token }),
    );
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get("location")).toBeNull();
    expect(await oneClick.text()).toContain("Alerts paused");
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id } })).paused).toBe(true);
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id: keep } })).paused).toBe(false);

    const forged = await unsubscribePost(new Request(url, { method: "POST" }), params({ token: `${keep}.${token.split(".")[1]}` }));
    expect(forged.status).toBe(404);
    expect((await database.db.savedSearch.findUniqueOrThrow({ where: { id: keep } })).paused).toBe(false);
  });
});
