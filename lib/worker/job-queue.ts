import { runMigrations } from "graphile-worker";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScrapeJobPayload } from "./schemas";

/** The job table is graphile-worker's; these are the task identifiers mlradar puts in it. */
export const TASK = {
  scheduleScrapes: "schedule-scrapes",
  scrapeSource: "scrape-source",
  matchNewPostings: "match-new-postings",
  scheduleDeliveries: "schedule-deliveries",
  deliverAlerts: "deliver-alerts",
  pruneFailedJobs: "prune-failed-jobs",
} as const;

/** Jobs out of attempts stay on /admin this long (the scrape runs keep their reasons for good), then go. */
export const FAILED_JOB_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

/** One named queue per source: graphile-worker runs the jobs of a queue one at a time. */
export function scrapeQueueName(sourceId: number): string {
  return `source:${sourceId}`;
}

/** One pending scrape per source: adding another with the key updates the pending one. */
export function scrapeJobKey(sourceId: number): string {
  return `scrape:${sourceId}`;
}

export const SCRAPE_MAX_ATTEMPTS = 4;

type SqlClient = Db | Prisma.TransactionClient;

/**
 * Put a scrape of one source in the queue, inside the caller's transaction when given one.
 * "scheduled" keeps the run time of a pending retry (its backoff); "now" runs it as soon as possible.
 */
export async function enqueueScrape(
  db: SqlClient,
  payload: ScrapeJobPayload,
  options: { mode: "scheduled" | "now"; maxAttempts?: number },
): Promise<void> {
  await db.$queryRaw`
    SELECT id FROM graphile_worker.add_job(
      ${TASK.scrapeSource},
      ${JSON.stringify(payload)}::json,
      queue_name => ${scrapeQueueName(payload.sourceId)},
      max_attempts => ${options.maxAttempts ?? SCRAPE_MAX_ATTEMPTS}::int,
      job_key => ${scrapeJobKey(payload.sourceId)},
      job_key_mode => ${options.mode === "scheduled" ? "preserve_run_at" : "replace"})`;
}

const migrated = new Map<string, Promise<void>>();

/** graphile-worker's own schema, migrated once per process (the web process may enqueue before any worker ran). */
export function ensureQueueSchema(connectionString: string): Promise<void> {
  let done = migrated.get(connectionString);
  if (!done) {
    done = runMigrations({ connectionString }).catch((error: unknown) => {
      migrated.delete(connectionString);
      throw error;
    });
    migrated.set(connectionString, done);
  }
  return done;
}

async function queueInstalled(db: SqlClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS installed`;
  return row?.installed ?? false;
}

export interface QueueBacklog {
  /** Due and waiting for a worker. */
  ready: number;
  /** Locked by a worker right now. */
  running: number;
  /** Scheduled later (retries after backoff included). */
  scheduled: number;
  /** Out of attempts: kept with their last error until someone looks. */
  failed: number;
}

/** null until a worker has installed the queue. */
export async function queueBacklog(db: SqlClient): Promise<QueueBacklog | null> {
  if (!(await queueInstalled(db))) return null;
  const [row] = await db.$queryRaw<{ ready: number; running: number; scheduled: number; failed: number }[]>`
    SELECT
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())::int AS ready,
      count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
      count(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL)::int AS failed
    FROM graphile_worker.jobs`;
  return row ?? { ready: 0, running: 0, scheduled: 0, failed: 0 };
}

export interface FailedJob {
  id: string;
  task: string;
  queueName: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  /** Out of attempts; otherwise it retries at runAt. */
  permanent: boolean;
  runAt: Date;
  updatedAt: Date;
}

/**
 * Delete the jobs out of attempts whose last failure is older than `before`, through
 * graphile-worker's own complete_jobs (it leaves a job a live worker holds). Returns how many went.
 */
export async function pruneFailedJobs(db: SqlClient, before: Date): Promise<number> {
  if (!(await queueInstalled(db))) return 0;
  const [row] = await db.$queryRaw<{ pruned: number }[]>`
    SELECT count(*)::int AS pruned FROM graphile_worker.complete_jobs(ARRAY(
      SELECT id FROM graphile_worker.jobs
      WHERE attempts >= max_attempts AND locked_at IS NULL AND updated_at < ${before}
    ))`;
  return row?.pruned ?? 0;
}

/** Jobs whose last attempt failed: those still retrying and those out of attempts. */
export async function listFailedJobs(db: SqlClient, limit = 50): Promise<FailedJob[]> {
  if (!(await queueInstalled(db))) return [];
  const rows = await db.$queryRaw<
    { id: bigint; task_identifier: string; queue_name: string | null; attempts: number; max_attempts: number; last_error: string; run_at: Date; updated_at: Date }[]
  >`
    SELECT id, task_identifier, queue_name, attempts, max_attempts, last_error, run_at, updated_at
    FROM graphile_worker.jobs
    WHERE last_error IS NOT NULL AND locked_at IS NULL
    ORDER BY (attempts >= max_attempts) DESC, updated_at DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id.toString(),
    task: row.task_identifier,
    queueName: row.queue_name,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    permanent: row.attempts >= row.max_attempts,
    runAt: row.run_at,
    updatedAt: row.updated_at,
  }));
}
