import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { resetEnvCache } from "@/lib/env";
import { enqueueScrape, ensureQueueSchema } from "@/lib/worker/job-queue";
import { setupTestDatabase } from "@/tests/helpers/test-database";

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("/api/health and /api/metrics", () => {
  const database = setupTestDatabase();

  afterEach(() => {
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
  });

  it("answers 200 with the queue backlog and the age of the last successful scrape", async () => {
    await ensureQueueSchema(database.url);
    const source = await database.db.source.create({
      data: { kind: "greenhouse", token: "healthco", lastSuccessAt: new Date(Date.now() - 3_600_000) },
    });
    await enqueueScrape(database.db, { sourceId: source.id, dueAt: new Date().toISOString() }, { mode: "now" });

    const response = await health();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { reachable: true }, queue: { ready: 1, running: 0, failed: 0 } });
    expect(body.lastSuccessfulScrapeAgeSeconds).toBeGreaterThanOrEqual(3_599);
    expect(body.lastSuccessfulScrapeAgeSeconds).toBeLessThan(3_700);
  });

  it("answers 503 when the database is unreachable, and 200 again once it is back", async () => {
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    resetEnvCache();
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable", database: { reachable: false } });

    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    expect((await health()).status).toBe(200);
  });

  it("serves the figures in the Prometheus text format", async () => {
    const response = await metrics();
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain("# TYPE mlradar_scrape_runs gauge");
    expect(text).toMatch(/^mlradar_postings\{state="open"\} 0$/m);
    expect(text).toMatch(/^mlradar_queue_jobs\{state="ready"\} 1$/m);
    expect(text).toMatch(/^mlradar_alert_deliveries\{status="sent"\} 0$/m);
    expect(text).toMatch(/^mlradar_last_successful_scrape_age_seconds \d+/m);
  });
});
