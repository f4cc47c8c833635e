import { describe, expect, it } from "vitest";
import { ensureQueueSchema } from "@/lib/worker/job-queue";
import { WORKER_APPLICATION_NAME } from "@/lib/worker/start-worker";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { startTestWorker, waitFor } from "./worker-harness";

describe("stopping a worker in process", () => {
  const database = setupTestDatabase();

  // PGlite serves every client from one session: it has no per-connection activity to count.
  it.skipIf(!process.env.DATABASE_URL)("closes the worker's own database connections (the worker owns its pool)", async () => {
    await ensureQueueSchema(database.url);
    const open = async () =>
      (
        await database.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${WORKER_APPLICATION_NAME}`
      )[0]!.n;
    const worker = await startTestWorker(database);
    expect(await open()).toBeGreaterThan(0);
    await worker.stop();
    // The server lists a backend until its process has exited, a moment after the client closed it;
    // an idle connection left open would stay for the pool's 10 s idle timeout.
    await waitFor(async () => (await open()) === 0, 3_000, "the worker's connections to close");
  });
});
