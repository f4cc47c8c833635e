import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK, listFailedJobs } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import type { WorkerHandle } from "@/lib/worker/start-worker";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, jobsOf, startCareerSite, startTestWorker, waitFor, type CareerSite } from "./worker-harness";

describe("scrape retries", () => {
  const database = setupTestDatabase();
  let site: CareerSite;
  let worker: WorkerHandle;

  beforeAll(async () => {
    site = await startCareerSite();
    worker = await startTestWorker(database);
  });
  afterAll(async () => {
    await worker.stop();
    await site.close();
  });

  const runsOf = (sourceId: number) =>
    database.db.scrapeRun.findMany({ where: { sourceId }, orderBy: { id: "asc" }, select: { status: true, errorReason: true } });
  const scrapeNow = (sourceId: number) => requestScrapeNow(database.db, sourceId, new Date(), { maxAttempts: 2 });

  it("retries a scrape that failed on a server error, after a backoff, and succeeds", async () => {
    site.behave("flaky", { status: 503 });
    const source = await addCareerSource(database.db, site.page("flaky"));
    await scrapeNow(source.id);
    const [job] = await waitFor(async () => {
      const jobs = await jobsOf(database.db, TASK.scrapeSource);
      return jobs[0]?.last_error ? jobs : undefined;
    }, 15_000, "the first attempt to fail");
    expect(job!.last_error).toMatch(/503/);
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());
    site.behave("flaky", { status: 200 });
    await waitFor(async () => (await runsOf(source.id)).some((run) => run.status === "succeeded"), 20_000, "the retry");
    expect((await runsOf(source.id)).map((run) => run.status)).toEqual(["failed", "succeeded"]);
    expect(site.hits("flaky")).toBe(2);
    await waitFor(async () => (await jobsOf(database.db, TASK.scrapeSource)).length === 0, 5_000, "the job to complete");
  });

  it("leaves a scrape that keeps failing as a failed job with its reason", async () => {
    site.behave("down", { status: 502 });
    const source = await addCareerSource(database.db, site.page("down"));
    await scrapeNow(source.id);
    const failed = await waitFor(async () => {
      const jobs = await listFailedJobs(database.db);
      return jobs.find((job) => job.permanent && job.queueName === `source:${source.id}`);
    }, 25_000, "the job to run out of attempts");
    expect(failed).toMatchObject({ task: TASK.scrapeSource, attempts: 2, maxAttempts: 2 });
    expect(failed.lastError).toMatch(/502/);
    expect((await runsOf(source.id)).map((run) => run.status)).toEqual(["failed", "failed"]);
  });

  it("does not retry a failure that would fail the same way again", async () => {
    site.behave("gone", { status: 404 });
    const source = await addCareerSource(database.db, site.page("gone"));
    await scrapeNow(source.id);
    await waitFor(async () => (await runsOf(source.id)).some((run) => run.status === "failed"), 15_000, "the failed run");
    await waitFor(async () => !(await jobsOf(database.db, TASK.scrapeSource)).some((job) => job.key === `scrape:${source.id}`), 5_000, "the job to finish");
    const source_ = await database.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(source_.lastRunStatus).toBe("failed");
    expect(source_.lastError).toMatch(/404/);
    expect(site.hits("gone")).toBe(1);
  });
});
