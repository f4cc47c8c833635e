import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import type { WorkerHandle } from "@/lib/worker/start-worker";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, addJob, jobsOf, startCareerSite, startTestWorker, waitFor, type CareerSite } from "./worker-harness";

/** Which worker ran which scrape: graphile-worker's job:success event names the worker. */
function recordScrapes(worker: WorkerHandle, into: Map<number, string[]>, name: string) {
  worker.events.on("job:success", ({ job }) => {
    if (job.task_identifier !== TASK.scrapeSource) return;
    const { sourceId } = job.payload as { sourceId: number };
    into.set(sourceId, [...(into.get(sourceId) ?? []), name]);
  });
}

describe("several workers on one database", () => {
  const database = setupTestDatabase();
  let site: CareerSite;
  let workerA: WorkerHandle;
  let workerB: WorkerHandle;
  const scrapedBy = new Map<number, string[]>();
  const now = new Date("2026-03-02T09:00:00Z");

  beforeAll(async () => {
    site = await startCareerSite();
    workerA = await startTestWorker(database, { clock: () => now });
    workerB = await startTestWorker(database, { clock: () => now });
    recordScrapes(workerA, scrapedBy, "A");
    recordScrapes(workerB, scrapedBy, "B");
  });
  afterAll(async () => {
    await Promise.all([workerA.stop(), workerB.stop()]);
    await site.close();
  });

  it("share the due scrapes: every source scraped once in its slot, by one of them", async () => {
    const { db } = database;
    const names = ["s1", "s2", "s3", "s4", "s5", "s6"];
    const sources = [];
    for (const name of names) {
      site.behave(name, { delayMs: 400 });
      sources.push(await addCareerSource(db, site.page(name)));
    }
    // Both workers tick, several times over, while the first scrapes are still running.
    for (let tick = 0; tick < 4; tick++) await addJob(db, TASK.scheduleScrapes);
    await waitFor(async () => (await db.scrapeRun.count({ where: { status: "succeeded" } })) === names.length, 30_000, "every source scraped");
    for (let tick = 0; tick < 2; tick++) await addJob(db, TASK.scheduleScrapes);
    await waitFor(async () => (await jobsOf(db, TASK.scheduleScrapes)).length + (await jobsOf(db, TASK.scrapeSource)).length === 0, 10_000, "idle queue");

    for (const [index, source] of sources.entries()) {
      expect(await db.scrapeRun.count({ where: { sourceId: source.id } })).toBe(1);
      expect(site.hits(names[index]!)).toBe(1);
      expect(scrapedBy.get(source.id)).toHaveLength(1);
    }
    const byWorker = [...scrapedBy.values()].flat();
    expect(byWorker.filter((name) => name === "A").length).toBeGreaterThan(0);
    expect(byWorker.filter((name) => name === "B").length).toBeGreaterThan(0);
  });

  it("never run one source twice at the same time, however often it is asked for", async () => {
    const { db } = database;
    site.behave("slow", { delayMs: 1_500 });
    const source = await addCareerSource(db, site.page("slow"), { nextRunAt: new Date("2026-03-03T00:00:00Z") });
    await requestScrapeNow(db, source.id, now);
    await waitFor(async () => site.hits("slow") === 1, 10_000, "the first scrape to start");
    // Asked again while it runs (run now, twice): queued behind it in the source's queue.
    await requestScrapeNow(db, source.id, new Date(now.getTime() + 1));
    await requestScrapeNow(db, source.id, new Date(now.getTime() + 2));
    await waitFor(async () => (await db.scrapeRun.count({ where: { sourceId: source.id, status: "succeeded" } })) === 2, 20_000, "both scrapes");
    await waitFor(async () => !(await jobsOf(db, TASK.scrapeSource)).length, 5_000, "idle queue");

    expect(site.hits("slow")).toBe(2);
    expect(site.maxInFlight("slow")).toBe(1);
  });
});
