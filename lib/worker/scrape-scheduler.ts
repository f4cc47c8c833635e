import type { Db } from "@/lib/db";
import { enqueueScrape } from "./job-queue";
import { nextScrapeSlot } from "./scrape-schedule";

interface DueSource {
  id: number;
  schedule: string;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
}

export interface EnqueuedScrape {
  sourceId: number;
  dueAt: Date;
  nextRunAt: Date;
}

/**
 * Enqueue a scrape for every enabled source whose time has come and move its nextRunAt to the next
 * jittered slot, in one transaction. The source rows are locked (SKIP LOCKED) and nextRunAt moves in
 * the same commit as the enqueue, so however many workers tick at once, a slot is enqueued once.
 */
export async function enqueueDueScrapes(
  db: Db,
  now: Date,
  options: { maxAttempts?: number; batch?: number } = {},
): Promise<EnqueuedScrape[]> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueSource[]>`
      SELECT id, schedule, next_run_at AS "nextRunAt", last_run_at AS "lastRunAt"
      FROM source
      WHERE enabled AND (next_run_at IS NULL OR next_run_at <= ${now})
      ORDER BY next_run_at ASC NULLS FIRST, id
      LIMIT ${options.batch ?? 500}
      FOR UPDATE SKIP LOCKED`;
    const enqueued: EnqueuedScrape[] = [];
    for (const source of due) {
      // A source never scheduled runs now if it never ran; otherwise at the slot after its last run.
      const dueAt = source.nextRunAt ?? (source.lastRunAt ? nextScrapeSlot(source.schedule, source.id, source.lastRunAt).dueAt : now);
      if (dueAt > now) {
        await tx.$executeRaw`UPDATE source SET next_run_at = ${dueAt} WHERE id = ${source.id}`;
        continue;
      }
      const next = nextScrapeSlot(source.schedule, source.id, now).dueAt;
      await tx.$executeRaw`UPDATE source SET next_run_at = ${next} WHERE id = ${source.id}`;
      await enqueueScrape(tx, { sourceId: source.id, dueAt: dueAt.toISOString() }, { mode: "scheduled", maxAttempts: options.maxAttempts });
      enqueued.push({ sourceId: source.id, dueAt, nextRunAt: next });
    }
    return enqueued;
  });
}

/**
 * "Run now" (admin, tests): enqueue a scrape ahead of the schedule and move nextRunAt past it, in one
 * transaction, so the next tick does not queue the same source again behind it.
 */
export async function requestScrapeNow(db: Db, sourceId: number, now: Date, options: { maxAttempts?: number } = {}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [source] = await tx.$queryRaw<{ id: number; schedule: string }[]>`
      SELECT id, schedule FROM source WHERE id = ${sourceId} FOR UPDATE`;
    if (!source) return false;
    const next = nextScrapeSlot(source.schedule, source.id, now).dueAt;
    await tx.$executeRaw`UPDATE source SET next_run_at = GREATEST(next_run_at, ${next}) WHERE id = ${source.id}`;
    await enqueueScrape(tx, { sourceId: source.id, dueAt: now.toISOString() }, { mode: "now", maxAttempts: options.maxAttempts });
    return true;
  });
}
