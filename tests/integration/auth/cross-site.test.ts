import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { unsubscribeUrl } from "@/lib/alerts/alert-email";
import { authSecret } from "@/lib/auth/secret";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { createSearch } from "../alerts/alert-fixtures";
import { signInAs } from "../saved-searches/sign-in-as";

const SITE = "http://127.0.0.1:3997";
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "cross-site-secret-".padEnd(48, "x"), SMTP_URL: "" });
});
const database = setupTestDatabase();

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

const CROSS_SITE: Record<string, Record<string, string>> = {
  "another site's Origin": { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  "Origin: null": { origin: "null" },
  "no Origin, Sec-Fetch-Site: cross-site": { "sec-fetch-site": "cross-site" },
};

describe("every mutation refuses a cross-site POST", () => {
  it("answers 403 from every route handler that writes, and changes nothing", async () => {
    const { userId, cookie } = await signInAs("victim@example.test");
    const search = await createSearch(database.db, userId, {}, { name: "Victim's search" });
    const token = new URL(unsubscribeUrl(search, SITE, authSecret())).pathname.split("/").pop()!;
    const files = routeFiles(path.resolve("app"));
    let checked = 0;
    for (const file of files) {
      const routeModule = (await import(file)) as Partial<Record<(typeof MUTATING)[number], Handler>>;
      const route = "/" + path.relative(path.resolve("app"), path.dirname(file)).split(path.sep).join("/");
      for (const method of MUTATING) {
        const handler = routeModule[method];
        if (!handler) continue;
        for (const [label, headers] of Object.entries(CROSS_SITE)) {
          const request = new Request(`${SITE}${route.replace("[id]", search).replace("[token]", token)}`, {
            method,
            headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
            body: new URLSearchParams({ email: "victim@example.test", name: "Hijacked", paused: "1", query: "", frequency: "instant", timeZone: "Asia/Tokyo", token: "x".repeat(43) }).toString(),
          });
          const response = await handler(request, { params: Promise.resolve({ id: search, token }) });
          expect(response.status, `${method} ${route} with ${label}`).toBe(403);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9 * Object.keys(CROSS_SITE).length);
    expect(await database.db.savedSearch.findUniqueOrThrow({ where: { id: search } })).toMatchObject({ name: "Victim's search", paused: false });
    expect(await database.db.savedSearch.count({ where: { userId } })).toBe(1);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: userId } })).timeZone).toBe("UTC");
    expect(await database.db.session.count({ where: { userId } })).toBe(1);
    expect(await database.db.verification.count()).toBe(0);
  });
});
