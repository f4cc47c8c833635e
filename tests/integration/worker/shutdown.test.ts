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

  it("finishes the scrape that ends in time, releases the one that does not, and exits within 10 s", async () => {
    const { db } = database;
    site.behave("short", { delayMs: 4_000 });
    site.behave("hanging", { delayMs: 60_000 });
    const short = await addCareerSource(db, site.page("short"));
    const hanging = await addCareerSource(db, site.page("hanging"));
    await requestScrapeNow(db, short.id, new Date());
    await requestScrapeNow(db, hanging.id, new Date());
    const worker = spawnWorker(database.url);
    try {
      // A busy machine can take a while to start a TypeScript process: wait for it, then for the scrapes.
      await waitFor(async () => worker.output().includes('"worker: started"'), 120_000, "the worker process to start");
      await waitFor(async () => site.hits("short") === 1 && site.hits("hanging") === 1, 90_000, "both scrapes to start");
      const { code, ms } = await terminate(worker);
      expect(code, worker.output()).toBe(0);
      expect(ms).toBeLessThan(10_000);

      const runsOf = async (sourceId: number) =>
        (await db.scrapeRun.findMany({ where: { sourceId } })).map((run) => [run.status, run.errorReason]);
      const jobOf = async (sourceId: number) => (await jobsOf(db, TASK.scrapeSource)).find((row) => row.key === `scrape:${sourceId}`);
      // Finished: its run succeeded and its job is done.
      expect(await runsOf(short.id)).toEqual([["succeeded", null]]);
      expect(await jobOf(short.id)).toBeUndefined();
      // Released: its run failed as interrupted, its job is back in the queue for another worker.
      expect(await runsOf(hanging.id)).toEqual([["failed", INTERRUPTED_REASON]]);
      const job = await jobOf(hanging.id);
      expect(job).toMatchObject({ locked_at: null, attempts: 1 });
      expect(job!.attempts).toBeLessThan(job!.max_attempts);
      expect(job!.last_error).toMatch(/shut down/);
    } finally {
      worker.kill("SIGKILL");
    }
  }, 300_000);
});
