import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * graphile-worker 0.16 frees the jobs of a dead worker only after 4 hours. Each live worker renews
 * locked_at of its jobs every LEASE_MS / 6, so a lock older than LEASE_MS belongs to a dead process.
 */
export const LEASE_MS = 2 * 60_000;

export const INTERRUPTED_REASON = "interrupted: the worker running it stopped before it finished";

/** Renew the locks this process's workers hold (graphile-worker's own columns; 0.16 schema). */
export async function renewLeases(db: Db, workerIds: readonly string[]): Promise<void> {
  if (!workerIds.length) return;
  const ids = [...workerIds];
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now() WHERE locked_by = ANY(${ids}::text[]) AND locked_at IS NOT NULL`;
  await db.$executeRaw`UPDATE graphile_worker._private_job_queues SET locked_at = now() WHERE locked_by = ANY(${ids}::text[]) AND locked_at IS NOT NULL`;
}

/**
 * Unlock the jobs and queues of workers whose lease ran out, first failing the runs their scrape
 * queues were running (nothing else can be scraping those sources while the queues are locked).
 */
export async function releaseExpiredLeases(db: Db, now: Date, leaseMs = LEASE_MS): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const stale = await tx.$queryRaw<{ locked_by: string }[]>`
      SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
      WHERE locked_at < now() - make_interval(secs => ${leaseMs / 1000}::float8)
      UNION
      SELECT DISTINCT locked_by FROM graphile_worker._private_job_queues
      WHERE locked_at < now() - make_interval(secs => ${leaseMs / 1000}::float8)`;
    const ids = stale.map((row) => row.locked_by);
    if (!ids.length) return ids;
    const queues = await tx.$queryRaw<{ queue_name: string }[]>`
      SELECT queue_name FROM graphile_worker._private_job_queues WHERE locked_by = ANY(${ids}::text[])`;
    const sourceIds = queues.flatMap((q) => {
      const match = /^source:(\d+)$/.exec(q.queue_name);
      return match ? [Number(match[1])] : [];
    });
    await failRunsOfSources(tx, sourceIds, now);
    await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    return ids;
  });
}

/**
 * Fail the ScrapeRuns still "running" that no worker is running: their source's queue is not locked
 * and they started more than `graceMs` ago (a scrape from the CLI has no job; if it is merely slow,
 * finishing it overwrites this). The source shows the failure unless a later run already reported.
 */
export async function failInterruptedRuns(db: Db, now: Date, graceMs = LEASE_MS): Promise<number[]> {
  const cutoff = new Date(now.getTime() - graceMs);
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH interrupted AS (
      UPDATE scrape_run AS r
      SET status = 'failed'::"RunStatus", finished_at = ${now}, error_kind = 'retryable', error_reason = ${INTERRUPTED_REASON}
      WHERE r.status = 'running'::"RunStatus" AND r.started_at < ${cutoff}
        AND NOT EXISTS (
          SELECT 1 FROM graphile_worker._private_job_queues AS q
          WHERE q.queue_name = 'source:' || r.source_id AND q.locked_at IS NOT NULL)
      RETURNING r.id, r.source_id, r.started_at
    ), reported AS (
      UPDATE source AS s
      SET last_run_at = ${now}, last_run_status = 'failed'::"RunStatus", last_error = ${INTERRUPTED_REASON},
          consecutive_failures = s.consecutive_failures + 1
      FROM (SELECT source_id, max(started_at) AS started_at FROM interrupted GROUP BY source_id) AS i
      WHERE s.id = i.source_id AND (s.last_run_at IS NULL OR s.last_run_at < i.started_at)
    )
    SELECT id FROM interrupted ORDER BY id`;
  return rows.map((row) => row.id);
}

/** Fail the runs still "running" for these sources, whose scrapes are known to be dead. */
export async function failRunsOfSources(db: Db | Prisma.TransactionClient, sourceIds: readonly number[], now: Date): Promise<void> {
  if (!sourceIds.length) return;
  await db.$executeRaw`
    UPDATE scrape_run SET status = 'failed'::"RunStatus", finished_at = ${now}, error_kind = 'retryable', error_reason = ${INTERRUPTED_REASON}
    WHERE status = 'running'::"RunStatus" AND source_id = ANY(${[...sourceIds]}::int[])`;
}
