import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "@/lib/http";
import { runSource } from "@/lib/ingest/run-source";
import { ensureSource } from "@/lib/sources/queries";
import { startFixtureServer, type FixtureServer } from "@/tests/helpers/fixture-server";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const page = (name: string) => readFileSync(`tests/fixtures/boards/jsonld/${name}`, "utf8");

describe("runSource over HTTP", () => {
  const database = setupTestDatabase();
  let server: FixtureServer;
  let http: HttpClient;

  beforeAll(async () => {
    server = await startFixtureServer({
      "/good/careers/staff-ml-engineer": page("helix-staff-ml-engineer.html"),
      "/flaky/careers/research-scientist": page("helix-research-scientist.html"),
    });
    http = createHttpClient({
      contactUrl: "https://mlradar.example/contact",
      allowPrivateHosts: ["127.0.0.1"],
      minIntervalMs: 0,
      backoffBaseMs: 1,
      backoffCapMs: 5,
      totalTimeoutMs: 5_000,
    });
  });

  afterAll(async () => {
    await http.close();
    await server.close();
  });

  async function sources() {
    const good = await ensureSource(database.db, "jsonld", `${server.url}/good/careers/staff-ml-engineer`, { companyName: "Helix Labs" });
    const flaky = await ensureSource(database.db, "jsonld", `${server.url}/flaky/careers/research-scientist`, { companyName: "Helix Labs" });
    // Re-read so lastFetchedCount and validators are current, as the worker and CLI do.
    const reload = (id: number) =>
      database.db.source.findUniqueOrThrow({
        where: { id },
        select: { id: true, kind: true, token: true, lastFetchedCount: true, httpValidators: true, company: { select: { name: true } } },
      });
    return { good: await reload(good.id), flaky: await reload(flaky.id) };
  }

  it("records a malformed payload as that source's failed run, while the other source succeeds and nothing closes", async () => {
    const first = await sources();
    const [a, b] = await Promise.all([runSource(first.good, { db: database.db, http }), runSource(first.flaky, { db: database.db, http })]);
    expect(a.status).toBe("succeeded");
    expect(b.status).toBe("succeeded");
    expect(b.counts?.new).toBe(1);

    server.route("/flaky/careers/research-scientist", page("helix-broken-jsonld.html"));
    for (let round = 0; round < 3; round++) {
      const current = await sources();
      const [good, flaky] = await Promise.all([runSource(current.good, { db: database.db, http }), runSource(current.flaky, { db: database.db, http })]);
      expect(good.status).not.toBe("failed");
      expect(flaky.status).toBe("failed");
      expect(flaky.error?.kind).toBe("permanent");
    }
    const failedRun = await database.db.scrapeRun.findFirstOrThrow({ where: { sourceId: first.flaky.id, status: "failed" } });
    expect(failedRun.errorReason).toMatch(/jsonld/i);
    const source = await database.db.source.findUniqueOrThrow({ where: { id: first.flaky.id } });
    expect(source.lastRunStatus).toBe("failed");
    expect(source.consecutiveFailures).toBe(3);
    // Three failed runs closed nothing: the flaky source's posting is still open.
    expect(await database.db.posting.count({ where: { closedAt: null } })).toBe(2);
  });

  it("answers an unchanged board with 304s and writes no postings", async () => {
    const current = await sources();
    const before = await database.db.posting.findMany({ select: { id: true, updatedAt: true, lastSeenAt: true }, orderBy: { id: "asc" } });
    const summary = await runSource(current.good, { db: database.db, http });
    expect(summary.status).toBe("unchanged");
    expect(summary.notModified).toBe(summary.requests);
    const after = await database.db.posting.findMany({ select: { id: true, updatedAt: true, lastSeenAt: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });
});
