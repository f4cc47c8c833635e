import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERRUPTED_REASON } from "@/lib/worker/abandoned-work";
import { TASK, ensureQueueSchema } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, jobsOf, spawnWorker, startCareerSite, waitFor, type CareerSite } from "./worker-harness";

async function terminate(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  const code = await exited;
  return { code, ms: Date.now() - started };
}

describe("worker process on SIGTERM", () => {
  const database = setupTestDatabase();
  let site: CareerSite;

  beforeAll(async () => {
    site = await startCareerSite();
    await ensureQueueSchema(database.url);
  });
  afterAll(async () => {
    await site.close();
  });

  it("finishes a scrape that ends within the deadline, then exits", async () => {
    site.behave("short", { delayMs: 2_000 });
    const source = await addCareerSource(database.db, site.page("short"));
    await requestScrapeNow(database.db, source.id, new Date());
    const worker = spawnWorker(database.url);
    try {
      await waitFor(async () => site.hits("short") === 1, 30_000, "the scrape to start");
      const { code, ms } = await terminate(worker);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
      const runs = await database.db.scrapeRun.findMany({ where: { sourceId: source.id } });
      expect(runs.map((run) => run.status)).toEqual(["succeeded"]);
      expect((await jobsOf(database.db, TASK.scrapeSource)).filter((row) => row.key === `scrape:${source.id}`)).toEqual([]);
    } finally {
      worker.kill("SIGKILL");
    }
  }, 60_000);

  it("releases a scrape still running at the deadline back to the queue, and exits within 10 s", async () => {
    site.behave("hanging", { delayMs: 60_000 });
    const source = await addCareerSource(database.db, site.page("hanging"));
    await requestScrapeNow(database.db, source.id, new Date());
    const worker = spawnWorker(database.url);
    try {
      await waitFor(async () => site.hits("hanging") === 1, 30_000, "the scrape to start");
      const { code, ms } = await terminate(worker);
      expect(code, worker.output()).toBe(0);
      expect(ms).toBeLessThan(10_000);
      const job = (await jobsOf(database.db, TASK.scrapeSource)).find((row) => row.key === `scrape:${source.id}`);
      expect(job).toMatchObject({ key: `scrape:${source.id}`, locked_at: null, attempts: 1 });
      expect(job!.attempts).toBeLessThan(job!.max_attempts);
      expect(job!.last_error).toMatch(/shut down/);
      const runs = await database.db.scrapeRun.findMany({ where: { sourceId: source.id } });
      expect(runs.map((run) => [run.status, run.errorReason])).toEqual([["failed", INTERRUPTED_REASON]]);
    } finally {
      worker.kill("SIGKILL");
    }
  }, 60_000);
});
