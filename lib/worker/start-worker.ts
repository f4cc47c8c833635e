import { EventEmitter } from "node:events";
import { parseCronItems, run, type Runner, type WorkerEvents, type WorkerPool } from "graphile-worker";
import pg from "pg";
import type { Logger } from "pino";
import type { Db } from "@/lib/db";
import type { HttpClient } from "@/lib/http";
import { LEASE_MS, failInterruptedRuns, releaseExpiredLeases, renewLeases } from "./abandoned-work";
import { alertJobs, type AlertJobs } from "./alert-jobs";
import { graphileLogger } from "./graphile-logger";
import { SCRAPE_MAX_ATTEMPTS, TASK } from "./job-queue";
import { buildTaskList } from "./tasks";

export interface WorkerOptions {
  connectionString: string;
  db: Db;
  http: HttpClient;
  log: Logger;
  alerts?: AlertJobs;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** How often idle workers look for jobs; LISTEN/NOTIFY wakes them sooner where it works. */
  pollIntervalMs?: number;
  /** The scheduler's clock (tests move it); the job table itself runs on the database's clock. */
  clock?: () => Date;
  leaseMs?: number;
  /** After SIGTERM: jobs still running at this point are aborted and released (then 2 s more at most). */
  shutdownAbortMs?: number;
  scrapeMaxAttempts?: number;
  /** The minute ticks (scrape scheduling, alert digests, outbox); tests enqueue ticks themselves. */
  cron?: boolean;
}

export interface WorkerHandle {
  readonly events: WorkerEvents;
  /** graphile-worker ids of this process's workers (what locked_by says). */
  workerIds(): string[];
  /** Stop taking jobs, let running ones finish, abort and release the rest; resolves when all is released. */
  stop(): Promise<void>;
  /** Settles when the runner stops on its own; rejects on a fatal error (the process should exit and be restarted). */
  readonly done: Promise<void>;
}

/** graphile-worker's own default. */
const WORKER_POOL_SIZE = 10;
/** How the worker's connections show in pg_stat_activity. */
export const WORKER_APPLICATION_NAME = "mlradar-worker";

function cronItems() {
  const minute = (task: string, maxAttempts: number) => ({
    task,
    match: "* * * * *",
    options: { backfillPeriod: 0, maxAttempts, jobKey: task, jobKeyMode: "replace" as const },
  });
  const daily = { task: TASK.pruneFailedJobs, match: "17 3 * * *", options: { backfillPeriod: 0, maxAttempts: 3, jobKey: TASK.pruneFailedJobs, jobKeyMode: "replace" as const } };
  return parseCronItems([minute(TASK.scheduleScrapes, 1), minute(TASK.scheduleDeliveries, 3), minute(TASK.deliverAlerts, 3), daily]);
}

/** Run the background jobs on graphile-worker against the given database (PostgreSQL or the embedded PGlite). */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const clock = options.clock ?? (() => new Date());
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const shutdownAbortMs = options.shutdownAbortMs ?? 7_000;
  const log = options.log.child({ component: "worker" });
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  let pool: WorkerPool | undefined;
  events.on("pool:create", ({ workerPool }) => (pool = workerPool));
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  events.on("worker:stop", ({ worker }) => workerIds.delete(worker.workerId));
  const activeSources = new Set<number>();
  // graphile-worker 0.16 ends a worker that cannot record its job's outcome (the database restarted at
  // that moment) and never replaces it: the pool is one short for good (after `concurrency` of these the
  // process runs nothing while it looks alive) and the job waits out its lease. Such a process fails as a
  // whole instead, so its process manager starts a fresh one; the job's lease runs out and it is taken again.
  let failFatally: (error: unknown) => void = () => undefined;
  const fatal = new Promise<never>((_resolve, reject) => (failFatally = reject));
  fatal.catch(() => undefined);
  events.on("worker:fatalError", ({ error }) => {
    log.fatal({ err: error }, "worker: a job's outcome could not be recorded; this process must be restarted");
    failFatally(error);
  });

  // Our own pool rather than graphile-worker's: it drops its pool's error handler before ending the pool
  // without waiting, so a connection the server closes meanwhile (a restart, a dropped test database)
  // became an uncaught exception. This one keeps its handler and stop() waits for it to end.
  const pgPool = new pg.Pool({ connectionString: options.connectionString, max: WORKER_POOL_SIZE, application_name: WORKER_APPLICATION_NAME });
  pgPool.on("error", (error) => log.warn({ err: error }, "worker: an idle database connection failed"));
  const runner: Runner = await run(
    {
      pgPool,
      concurrency: options.concurrency ?? 4,
      pollInterval: options.pollIntervalMs ?? 2_000,
      noHandleSignals: true,
      // PGlite serves every connection from one session, where per-connection named statements collide.
      noPreparedStatements: true,
      gracefulShutdownAbortTimeout: shutdownAbortMs,
      logger: graphileLogger(options.log),
      events,
      taskList: buildTaskList({
        db: options.db,
        http: options.http,
        log,
        alerts: options.alerts ?? alertJobs(),
        clock,
        leaseMs,
        scrapeMaxAttempts: options.scrapeMaxAttempts ?? SCRAPE_MAX_ATTEMPTS,
        activeSources,
      }),
    },
    undefined,
    options.cron === false ? [] : cronItems(),
  ).catch(async (error: unknown) => {
    await pgPool.end();
    throw error;
  });

  // Work a crashed process left behind is recovered at start, not only at the next tick (which
  // recovers it anyway: a busy database here is logged, not a reason to stop the worker).
  const recover = async () => [await releaseExpiredLeases(options.db, clock(), leaseMs), await failInterruptedRuns(options.db, clock(), leaseMs)] as const;
  const recovered = await recover().catch(
    (error: unknown) => {
      log.warn({ err: error }, "worker: recovering abandoned work at start failed; the next tick retries");
      return [[], []] as const;
    },
  );
  log.info({ workers: [...workerIds], releasedWorkers: recovered[0], interruptedRuns: recovered[1] }, "worker: started");

  const renewal = setInterval(() => {
    renewLeases(options.db, [...workerIds]).catch((error: unknown) => log.error({ err: error }, "worker: lease renewal failed"));
  }, leaseMs / 6);
  renewal.unref();

  let stopping: Promise<void> | undefined;
  return {
    events,
    workerIds: () => [...workerIds],
    done: Promise.race([runner.promise, fatal]),
    stop() {
      stopping ??= (async () => {
        log.info({ activeSources: [...activeSources] }, "worker: stopping");
        const graceful = runner.stop().finally(() => clearInterval(renewal));
        // A handler that ignores the abort signal must not hold the process: force its release.
        const forced = setTimeout(() => {
          log.warn("worker: jobs still running after the abort: forcing their release");
          void pool?.forcefulShutdown("worker stopped before the job finished: released for retry");
        }, shutdownAbortMs + 2_000);
        try {
          await graceful;
        } finally {
          clearTimeout(forced);
          await pgPool.end();
        }
        log.info("worker: stopped");
      })();
      return stopping;
    },
  };
}
