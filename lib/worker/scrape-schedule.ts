import { createHash } from "node:crypto";
import { CronExpressionParser } from "cron-parser";

/** Source.schedule's default: every 6 hours. */
export const DEFAULT_SCHEDULE = "0 */6 * * *";
/** Jitter spreads sources that share a cron over up to a tenth of their interval, capped here. */
export const MAX_JITTER_MS = 15 * 60_000;

export function isValidSchedule(expression: string): boolean {
  try {
    CronExpressionParser.parse(expression, { tz: "UTC", strict: false });
    return expression.trim().split(/\s+/).length === 5;
  } catch {
    return false;
  }
}

/** A fraction in [0, 1) fixed by the source and the slot, so every worker computes the same time. */
function jitterFraction(sourceId: number, slot: Date): number {
  const digest = createHash("sha256").update(`${sourceId}:${slot.toISOString()}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export interface ScrapeSlot {
  /** The cron occurrence. */
  slot: Date;
  /** The occurrence plus the source's jitter: when the scrape is due. */
  dueAt: Date;
}

/**
 * The first cron occurrence after `after`, delayed by a deterministic jitter (at most a tenth of the
 * gap to the following occurrence, and MAX_JITTER_MS). An unparsable schedule falls back to the default.
 */
export function nextScrapeSlot(schedule: string, sourceId: number, after: Date): ScrapeSlot {
  const expression = isValidSchedule(schedule) ? schedule : DEFAULT_SCHEDULE;
  const cron = CronExpressionParser.parse(expression, { tz: "UTC", currentDate: after });
  const slot = cron.next().toDate();
  const following = cron.next().toDate();
  const maxJitter = Math.min(MAX_JITTER_MS, (following.getTime() - slot.getTime()) / 10);
  return { slot, dueAt: new Date(slot.getTime() + Math.floor(jitterFraction(sourceId, slot) * maxJitter)) };
}
