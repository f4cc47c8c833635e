/**
 * Admin routes deny everyone but admins: /admin's guard sends the signed-out to sign in and answers
 * 404 to a signed-in non-admin; every server action in app/ (found by scanning for "use server", so a
 * new one cannot be missed) refuses a non-admin, a signed-out caller and an admin's cross-site or
 * Origin-less request, and changes nothing. Sessions are real (signed in through the redemption path);
 * only Next's request-scoped headers() is supplied by the test, as Next would supply it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "../saved-searches/sign-in-as";

const SITE = "http://127.0.0.1:3995";
const ADMIN = "boss@example.test";
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

beforeAll(() => {
  Object.assign(process.env, { SITE_URL: SITE, AUTH_SECRET: "admin-access-secret-".padEnd(48, "x"), SMTP_URL: "", ADMIN_EMAILS: ADMIN.toUpperCase() });
});
const database = setupTestDatabase();

function serverActionModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverActionModules(full);
    return /\.tsx?$/.test(name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

/** The digest Next gives the error thrown by redirect() / notFound(), or the error's message. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "returned";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" ? digest : `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("admin access", () => {
  it("/admin: sign in when signed out, 404 for a signed-in non-admin, the page for an admin", async () => {
    const { requireAdminPage } = await import("@/lib/admin/admin-access");
    requestHeaders = new Headers();
    expect(await outcome(requireAdminPage)).toMatch(/^NEXT_REDIRECT;.*\/sign-in\?next=%2Fadmin/);
    requestHeaders = new Headers({ cookie: (await signInAs("visitor@example.test")).cookie });
    expect(await outcome(requireAdminPage)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    requestHeaders = new Headers({ cookie: (await signInAs(ADMIN)).cookie });
    expect(await outcome(requireAdminPage)).toBe("returned");
  });

  it("every server action refuses non-admins and cross-site requests, and changes nothing", async () => {
    const modules = serverActionModules(path.resolve("app"));
    expect(modules.length).toBeGreaterThan(0);
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "admin-access-test", enabled: true } });
    const before = await database.db.source.findMany({ orderBy: { id: "asc" } });
    const visitor = (await signInAs("someone@example.test")).cookie;
    const admin = (await signInAs(ADMIN)).cookie;
    const callers: Record<string, Record<string, string>> = {
      "signed out": { origin: SITE, host: "127.0.0.1:3995" },
      "a signed-in non-admin": { origin: SITE, host: "127.0.0.1:3995", cookie: visitor },
      "an admin, cross-site": { origin: "https://evil.example", host: "127.0.0.1:3995", cookie: admin },
      "an admin, Origin: null": { origin: "null", host: "127.0.0.1:3995", cookie: admin },
      "an admin, no Origin": { host: "127.0.0.1:3995", cookie: admin },
    };
    let refused = 0;
    for (const file of modules) {
      const actions = Object.entries((await import(file)) as Record<string, unknown>).filter(
        (entry): entry is [string, (form: FormData) => Promise<unknown>] => typeof entry[1] === "function",
      );
      expect(actions.length, file).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        for (const [caller, headers] of Object.entries(callers)) {
          requestHeaders = new Headers(headers);
          const form = new FormData();
          form.set("sourceId", String(source.id));
          form.set("enabled", "false");
          form.set("spec", "greenhouse:anthropic");
          form.set("company", "Evil");
          form.set("schedule", "* * * * *");
          expect(await outcome(() => action(form)), `${name} called by ${caller}`).toMatch(/^AdminAccessError: refused/);
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThanOrEqual(3 * Object.keys(callers).length);
    expect(await database.db.source.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("the same guard lets an admin's same-site request through (so the refusals above are about the caller)", async () => {
    const { requireAdminAction } = await import("@/lib/admin/admin-access");
    requestHeaders = new Headers({ origin: SITE, host: "127.0.0.1:3995", cookie: (await signInAs(ADMIN)).cookie });
    await expect(requireAdminAction()).resolves.toMatchObject({ email: ADMIN });
  });
});
