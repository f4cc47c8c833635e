import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERRUPTED_REASON } from "@/lib/worker/abandoned-work";
import { TASK, ensureQueueSchema } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, addJob, jobsOf, spawnWorker, startCareerSite, startTestWorker, waitFor, type CareerSite } from "./worker-harness";

describe("recovery after a worker crash", () => {
  const database = setupTestDatabase();
  let site: CareerSite;

  beforeAll(async () => {
    site = await startCareerSite();
    await ensureQueueSchema(database.url);
  });
  afterAll(async () => {
    await site.close();
  });

  it("frees the dead worker's job once its lease runs out, fails its run as interrupted, and scrapes again", async () => {
    const { db } = database;
    site.behave("crash", { delayMs: 60_000 });
    const source = await addCareerSource(db, site.page("crash"));
    await requestScrapeNow(db, source.id, new Date());
    const crashed = spawnWorker(database.url);
    await waitFor(async () => crashed.output().includes('"worker: started"'), 120_000, "the worker process to start");
    await waitFor(async () => site.hits("crash") === 1, 20_000, "the scrape to start");
    crashed.kill("SIGKILL");
    await new Promise((resolve) => crashed.once("exit", resolve));
    const [stuck] = await jobsOf(db, TASK.scrapeSource);
    expect(stuck!.locked_at).not.toBeNull();

    site.behave("crash", {});
    const survivor = await startTestWorker(database, { leaseMs: 2_000 });
    try {
      // The crashed worker renews nothing: the next tick finds its lease expired.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await addJob(db, TASK.scheduleScrapes);
      await waitFor(async () => (await db.scrapeRun.count({ where: { sourceId: source.id, status: "succeeded" } })) === 1, 20_000, "the rerun");
      const runs = await db.scrapeRun.findMany({ where: { sourceId: source.id }, orderBy: { id: "asc" } });
      expect(runs.map((run) => [run.status, run.errorReason])).toEqual([
        ["failed", INTERRUPTED_REASON],
        ["succeeded", null],
      ]);
      expect(site.hits("crash")).toBe(2);
    } finally {
      await survivor.stop();
    }
  }, 180_000);
});
