import type { Db } from "@/lib/db";
import type { FailureKind } from "@/scrapers/types";
import type { IngestCounts } from "./ingest-postings";

export async function startRun(db: Db, sourceId: number, now = new Date()): Promise<number> {
  const run = await db.scrapeRun.create({ data: { sourceId, startedAt: now }, select: { id: true } });
  return run.id;
}

export interface HttpCounts {
  requests: number;
  notModified: number;
}

export async function finishRunSucceeded(
  db: Db,
  runId: number,
  sourceId: number,
  counts: IngestCounts | null,
  http: HttpCounts,
  options: { validators?: object; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction([
    db.scrapeRun.update({
      where: { id: runId },
      data: {
        status: "succeeded",
        finishedAt: now,
        fetchedCount: counts?.fetched ?? 0,
        newCount: counts?.new ?? 0,
        updatedCount: counts?.updated ?? 0,
        // A 304 run changed nothing: everything it would have listed is unchanged.
        unchangedCount: counts?.unchanged ?? 0,
        closedCount: counts?.closed ?? 0,
        requestCount: http.requests,
        notModifiedCount: http.notModified,
        errorReason: counts?.suspicious ? "returned no postings where the last run had many: closed nothing" : null,
      },
    }),
    db.source.update({
      where: { id: sourceId },
      data: {
        lastRunAt: now,
        lastRunStatus: "succeeded",
        lastSuccessAt: now,
        lastError: null,
        consecutiveFailures: 0,
        ...(counts && !counts.suspicious ? { lastFetchedCount: counts.fetched } : {}),
        ...(options.validators ? { httpValidators: options.validators } : {}),
      },
    }),
  ]);
}

export async function finishRunFailed(
  db: Db,
  runId: number,
  sourceId: number,
  failure: { kind: FailureKind; reason: string },
  http: HttpCounts,
  now = new Date(),
): Promise<void> {
  await db.$transaction([
    db.scrapeRun.update({
      where: { id: runId },
      data: {
        status: "failed",
        finishedAt: now,
        errorKind: failure.kind,
        errorReason: failure.reason.slice(0, 2000),
        requestCount: http.requests,
        notModifiedCount: http.notModified,
      },
    }),
    db.source.update({
      where: { id: sourceId },
      data: {
        lastRunAt: now,
        lastRunStatus: "failed",
        lastError: failure.reason.slice(0, 2000),
        consecutiveFailures: { increment: 1 },
      },
    }),
  ]);
}
