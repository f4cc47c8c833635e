import { INSTANT_WINDOW_MINUTES } from "@/lib/alerts/windows";
import type { Frequency } from "./schemas";

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  instant: `As they appear (at most one email every ${INSTANT_WINDOW_MINUTES} minutes)`,
  daily: "Daily digest",
  weekly: "Weekly digest (Mondays)",
};

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** "Thu 27 Nov, 08:00 CET" in the user's zone. */
export function formatSendTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** When the next email for a search can go out, in words. */
export function nextSendLabel(search: { frequency: Frequency; paused: boolean; nextSendAt: Date | null }, timeZone: string): string {
  if (search.paused) return "Paused: no emails";
  if (search.frequency === "instant") return `Within ${INSTANT_WINDOW_MINUTES} minutes of a new match`;
  return search.nextSendAt ? `${formatSendTime(search.nextSendAt, timeZone)} (if anything new matched)` : "At the next send hour";
}
