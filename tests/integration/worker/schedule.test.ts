import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TASK } from "@/lib/worker/job-queue";
import { nextScrapeSlot } from "@/lib/worker/scrape-schedule";
import { enqueueDueScrapes } from "@/lib/worker/scrape-scheduler";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, addJob, jobsOf, startCareerSite, startTestWorker, testHttp, waitFor, type CareerSite } from "./worker-harness";

describe("scheduled scraping", () => {
  const database = setupTestDatabase();
  let site: CareerSite;

  beforeAll(async () => {
    site = await startCareerSite();
  });
  afterAll(async () => {
    await site.close();
  });
  beforeEach(async () => {
    await database.db.source.deleteMany();
  });

  it("scrapes a source at its cron slot, once, and again at the next slot", async () => {
    const { db } = database;
    let now = new Date("2026-03-02T10:00:30Z");
    const source = await addCareerSource(db, site.page("cron"), { schedule: "*/5 * * * *" });
    const worker = await startTestWorker(database, { clock: () => now });
    const succeeded = () => db.scrapeRun.count({ where: { sourceId: source.id, status: "succeeded" } });
    const queueIdle = async () => (await jobsOf(db, TASK.scheduleScrapes)).length + (await jobsOf(db, TASK.scrapeSource)).length === 0;
    try {
      // Never run: due at the first tick.
      await addJob(db, TASK.scheduleScrapes);
      await waitFor(async () => (await succeeded()) === 1, 20_000, "the first scrape");
      const scheduled = await db.source.findUniqueOrThrow({ where: { id: source.id } });
      const expected = nextScrapeSlot("*/5 * * * *", source.id, now);
      expect(scheduled.nextRunAt).toEqual(expected.dueAt);
      expect(expected.slot).toEqual(new Date("2026-03-02T10:05:00Z"));
      expect(expected.dueAt.getTime() - expected.slot.getTime()).toBeLessThan(30_000);

      // Ticks before the slot scrape nothing.
      now = new Date("2026-03-02T10:04:59Z");
      await addJob(db, TASK.scheduleScrapes);
      await addJob(db, TASK.scheduleScrapes);
      await waitFor(queueIdle, 10_000, "idle queue");
      expect(await succeeded()).toBe(1);

      // At the jittered slot it fires again, and moves on to the one after.
      now = new Date(scheduled.nextRunAt!.getTime() + 1_000);
      await addJob(db, TASK.scheduleScrapes);
      await waitFor(async () => (await succeeded()) === 2, 20_000, "the second scrape");
      const moved = await db.source.findUniqueOrThrow({ where: { id: source.id } });
      expect(moved.nextRunAt!.getTime()).toBeGreaterThanOrEqual(new Date("2026-03-02T10:10:00Z").getTime());
      expect(site.hits("cron")).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it("enqueues each due source once however many ticks run at the same time", async () => {
    const { db } = database;
    const now = new Date("2026-03-02T12:00:00Z");
    const never = await addCareerSource(db, site.page("never"));
    const overdue = await addCareerSource(db, site.page("overdue"), { nextRunAt: new Date("2026-03-02T11:59:00Z") });
    const later = await addCareerSource(db, site.page("later"), { nextRunAt: new Date("2026-03-02T13:00:00Z") });
    const disabled = await db.source.create({ data: { kind: "jsonld", token: site.page("off"), enabled: false } });
    const ranRecently = await db.source.create({
      data: { kind: "jsonld", token: site.page("recent"), lastRunAt: new Date("2026-03-02T11:30:00Z") },
    });
    // The queue's schema comes with the first worker.
    await (await startTestWorker(database, { concurrency: 1, http: testHttp() })).stop();

    const ticks = await Promise.all(Array.from({ length: 6 }, () => enqueueDueScrapes(db, now)));
    const enqueued = ticks.flat().map((e) => e.sourceId).sort();
    expect(enqueued).toEqual([never.id, overdue.id].sort());
    const jobs = await jobsOf(db, TASK.scrapeSource);
    expect(jobs.map((job) => job.key).sort()).toEqual([`scrape:${never.id}`, `scrape:${overdue.id}`].sort());

    const recent = await db.source.findUniqueOrThrow({ where: { id: ranRecently.id } });
    expect(recent.nextRunAt).toEqual(nextScrapeSlot("0 */6 * * *", ranRecently.id, new Date("2026-03-02T11:30:00Z")).dueAt);
    expect((await db.source.findUniqueOrThrow({ where: { id: later.id } })).nextRunAt).toEqual(new Date("2026-03-02T13:00:00Z"));
    expect((await db.source.findUniqueOrThrow({ where: { id: disabled.id } })).nextRunAt).toBeNull();
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  });

  it("registers the minute ticks with graphile-worker's cron", async () => {
    const worker = await startTestWorker(database, { cron: true });
    try {
      const expected = [TASK.deliverAlerts, TASK.pruneFailedJobs, TASK.scheduleDeliveries, TASK.scheduleScrapes];
      // The cron registers its items as it starts, not necessarily before run() returns.
      const known = await waitFor(async () => {
        const rows = await database.db.$queryRaw<{ identifier: string }[]>`
          SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY identifier`;
        return rows.length >= expected.length ? rows : undefined;
      }, 20_000, "the cron items to register");
      expect(known.map((row) => row.identifier)).toEqual(expected);
    } finally {
      await worker.stop();
    }
  });
});
