import { beforeAll, describe, expect, it } from "vitest";
import { TASK, ensureQueueSchema, listFailedJobs, pruneFailedJobs } from "@/lib/worker/job-queue";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addJob, jobsOf } from "./worker-harness";

describe("pruning failed jobs", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    await ensureQueueSchema(database.url);
  });

  it("deletes only jobs out of attempts whose last failure is older than the cut-off", async () => {
    const { db } = database;
    await addJob(db, TASK.scrapeSource, { sourceId: 1 });
    await addJob(db, TASK.scrapeSource, { sourceId: 2 });
    const [failed, waiting] = await jobsOf(db, TASK.scrapeSource);
    await db.$executeRaw`SELECT graphile_worker.permanently_fail_jobs(ARRAY[${BigInt(failed!.id)}]::bigint[], 'HTTP 404 from the board')`;
    expect((await listFailedJobs(db)).map((job) => job.id)).toEqual([String(failed!.id)]);

    // Failed just now: younger than any cut-off in the past.
    expect(await pruneFailedJobs(db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await jobsOf(db, TASK.scrapeSource)).toHaveLength(2);

    expect(await pruneFailedJobs(db, new Date(Date.now() + 60_000))).toBe(1);
    expect((await jobsOf(db, TASK.scrapeSource)).map((job) => job.id)).toEqual([waiting!.id]);
    expect(await listFailedJobs(db)).toEqual([]);
  });
});
