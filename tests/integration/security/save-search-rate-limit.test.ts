import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/account/searches/create/route";
import { createSavedSearch } from "@/lib/saved-searches/queries";
import { SAVES_PER_USER_PER_HOUR } from "@/lib/saved-searches/schemas";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "../saved-searches/sign-in-as";

const SITE = "http://127.0.0.1:3996";
beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "save-rate-limit-secret-".padEnd(48, "x"), SMTP_URL: "" });
});
const database = setupTestDatabase();

function save(cookie: string, name: string): Promise<Response> {
  return createRoute(
    new Request(`${SITE}/account/searches/create`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, "sec-fetch-site": "same-origin", cookie },
      body: new URLSearchParams({ name, frequency: "daily", sendHour: "8", query: "level=staff" }).toString(),
    }),
  );
}

describe("saving a search is rate-limited per account", () => {
  it(`accepts ${SAVES_PER_USER_PER_HOUR} saves an hour, then answers 429 with Retry-After and saves nothing`, async () => {
    const { userId, cookie } = await signInAs("eager@example.test");
    const statuses: number[] = [];
    for (let i = 0; i <= SAVES_PER_USER_PER_HOUR; i++) statuses.push((await save(cookie, `search ${i}`)).status);
    expect(statuses.slice(0, SAVES_PER_USER_PER_HOUR).every((status) => status === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);

    const refused = await save(cookie, "one more");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await refused.text()).toMatch(/at most \d+ searches an hour/);
    expect(await database.db.savedSearch.count({ where: { userId } })).toBe(SAVES_PER_USER_PER_HOUR);

    // The limit is the account's, counted in the database: someone else still saves.
    const other = await signInAs("calm@example.test");
    expect((await save(other.cookie, "mine")).status).toBe(303);

    // A new window an hour later.
    const later = new Date(Date.now() + 3_600_000 + 1_000);
    await expect(createSavedSearch(userId, { name: "later", frequency: "daily", sendHour: 8, filter: {} }, later)).resolves.toHaveProperty("id");
  });
});
