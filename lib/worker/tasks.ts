import type { JobHelpers, TaskList } from "graphile-worker";
import type { Logger } from "pino";
import type { Db } from "@/lib/db";
import type { HttpClient } from "@/lib/http";
import { runSource } from "@/lib/ingest/run-source";
import { failInterruptedRuns, failRunsOfSources, releaseExpiredLeases } from "./abandoned-work";
import type { AlertJobs } from "./alert-jobs";
import { FAILED_JOB_RETENTION_MS, TASK, pruneFailedJobs } from "./job-queue";
import { newPostingIdsOfRun } from "./new-postings";
import { matchJobPayloadSchema, scrapeJobPayloadSchema } from "./schemas";
import { enqueueDueScrapes } from "./scrape-scheduler";
import { findScrapeTarget } from "./scrape-target";

export interface TaskDependencies {
  db: Db;
  http: HttpClient;
  log: Logger;
  alerts: AlertJobs;
  clock: () => Date;
  leaseMs: number;
  scrapeMaxAttempts: number;
  /** Sources this process is scraping right now. */
  activeSources: Set<number>;
}

export class ScrapeRetryError extends Error {
  name = "ScrapeRetryError";
}

function whenAborted(signal: AbortSignal | undefined): Promise<"aborted"> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve("aborted");
    signal.addEventListener("abort", () => resolve("aborted"), { once: true });
  });
}

async function enqueueMatch(helpers: JobHelpers, runId: number): Promise<void> {
  await helpers.addJob(TASK.matchNewPostings, { runId }, { jobKey: `match:run:${runId}`, maxAttempts: 10 });
}

/** Every task the worker runs. Each one may run again after a crash, so each is idempotent. */
export function buildTaskList(deps: TaskDependencies): TaskList {
  const { db, log, clock } = deps;
  return {
    async [TASK.scheduleScrapes]() {
      const released = await releaseExpiredLeases(db, clock(), deps.leaseMs);
      if (released.length) log.warn({ workers: released }, "worker: released the jobs of workers whose lease expired");
      const interrupted = await failInterruptedRuns(db, clock(), deps.leaseMs);
      if (interrupted.length) log.warn({ runs: interrupted }, "worker: marked interrupted scrape runs as failed");
      const enqueued = await enqueueDueScrapes(db, clock(), { maxAttempts: deps.scrapeMaxAttempts });
      if (enqueued.length) log.info({ sources: enqueued.map((e) => e.sourceId) }, "worker: scrapes enqueued");
    },

    async [TASK.scrapeSource](rawPayload, helpers) {
      const payload = scrapeJobPayloadSchema.parse(rawPayload);
      // runSource adds the run id, source id, kind and token to every line of the scrape.
      const jobLog = log.child({ jobId: helpers.job.id, attempt: helpers.job.attempts });
      const source = await findScrapeTarget(db, payload.sourceId);
      if (!source?.enabled) {
        jobLog.info({ sourceId: payload.sourceId }, "scrape: source removed or disabled, nothing to do");
        return;
      }
      // A redelivered job whose scrape already succeeded only makes sure its alert matching is queued.
      const done = await db.scrapeRun.findFirst({
        where: { sourceId: source.id, status: "succeeded", startedAt: { gte: new Date(payload.dueAt) } },
        orderBy: { startedAt: "desc" },
        select: { id: true, newCount: true },
      });
      if (done) {
        jobLog.info({ sourceId: source.id, runId: done.id }, "scrape: already done for this slot");
        if (done.newCount > 0) await enqueueMatch(helpers, done.id);
        return;
      }
      // The source's queue runs one job at a time: a run still "running" now was left by a dead worker.
      await failRunsOfSources(db, [source.id], clock());
      deps.activeSources.add(source.id);
      try {
        const outcome = await Promise.race([
          runSource(source, { db, http: deps.http, log: jobLog, now: clock }),
          whenAborted(helpers.abortSignal),
        ]);
        if (outcome === "aborted") {
          // Shutdown deadline: fail our run and give the job back; another worker retries it.
          await failRunsOfSources(db, [source.id], clock());
          throw new ScrapeRetryError("worker shut down before the scrape finished: released for retry");
        }
        if (outcome.status === "failed") {
          if (outcome.error?.kind === "retryable") throw new ScrapeRetryError(`scrape failed: ${outcome.error.reason}`);
          // Permanent and fatal failures would fail the same way again: recorded on the run, no retry.
          return;
        }
        if ((outcome.counts?.new ?? 0) > 0) await enqueueMatch(helpers, outcome.runId);
      } finally {
        deps.activeSources.delete(source.id);
      }
    },

    async [TASK.matchNewPostings](rawPayload, helpers) {
      const { runId } = matchJobPayloadSchema.parse(rawPayload);
      const postingIds = await newPostingIdsOfRun(db, runId);
      if (!postingIds.length) return;
      await deps.alerts.matchNewPostings(db, postingIds, clock());
      // Instant alerts go out now rather than at the next minute's tick.
      await helpers.addJob(TASK.scheduleDeliveries, {}, { jobKey: TASK.scheduleDeliveries, maxAttempts: 3 });
    },

    async [TASK.scheduleDeliveries](_payload, helpers) {
      await deps.alerts.scheduleDeliveries(db, clock());
      await helpers.addJob(TASK.deliverAlerts, {}, { jobKey: TASK.deliverAlerts, maxAttempts: 3 });
    },

    async [TASK.deliverAlerts]() {
      await deps.alerts.deliverDue(db, clock());
    },

    async [TASK.pruneFailedJobs]() {
      const pruned = await pruneFailedJobs(db, new Date(clock().getTime() - FAILED_JOB_RETENTION_MS));
      if (pruned > 0) log.info({ pruned }, "worker: pruned failed jobs");
    },
  };
}
