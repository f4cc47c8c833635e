/** Send windows: pure date arithmetic in the user's time zone (Intl, no dependency). */

/** Instant alerts are batched: at most one email per search per this many minutes. */
export const INSTANT_WINDOW_MINUTES = 15;
/** Weekly digests go out on Mondays (ISO weekday 1) at the search's hour. */
export const WEEKLY_WEEKDAY = 1;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "instant:2026-11-26T15:15": the UTC quarter hour `now` falls in. */
export function instantWindowKey(now: Date): string {
  const step = INSTANT_WINDOW_MINUTES * 60_000;
  const start = new Date(Math.floor(now.getTime() / step) * step);
  return `instant:${start.toISOString().slice(0, 16)}`;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(date: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? 1,
  };
}

function wallClockAsUtc(instant: number, timeZone: string): number {
  const local = localParts(new Date(instant), timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/** The instant at which the wall clock in timeZone shows year-month-day hour:00 (an hour skipped by DST lands just after the gap). */
export function zonedHourToUtc(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  const first = wanted - (wallClockAsUtc(wanted, timeZone) - wanted);
  const second = wanted - (wallClockAsUtc(first, timeZone) - first);
  const exact = [first, second].filter((instant) => wallClockAsUtc(instant, timeZone) === wanted);
  return new Date(exact.length ? Math.min(...exact) : Math.max(first, second));
}

function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The first daily or weekly send time strictly after `after`, at sendHour in timeZone. */
export function nextDigestAt(frequency: "daily" | "weekly", sendHour: number, timeZone: string, after: Date): Date {
  const local = localParts(after, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = addDays(local.year, local.month, local.day, offset);
    if (frequency === "weekly") {
      const weekday = ((local.weekday - 1 + offset) % 7) + 1;
      if (weekday !== WEEKLY_WEEKDAY) continue;
    }
    const candidate = zonedHourToUtc(date.year, date.month, date.day, sendHour, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`no ${frequency} send time found after ${after.toISOString()} in ${timeZone}`);
}

/** "daily:2026-11-26" or "weekly:2026-11-23": the local date of the scheduled send, stable across retries and processes. */
export function digestWindowKey(frequency: "daily" | "weekly", scheduledAt: Date, timeZone: string): string {
  const local = localParts(scheduledAt, timeZone);
  const date = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
  return `${frequency}:${date}`;
}

/** Zones offered in forms: UTC first (Intl's list leaves it out), then every IANA zone. */
export function timeZoneOptions(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}
