import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, MAX_JITTER_MS, isValidSchedule, nextScrapeSlot } from "@/lib/worker/scrape-schedule";

describe("nextScrapeSlot", () => {
  const after = new Date("2026-11-26T05:59:00Z");

  it("takes the next cron occurrence and adds a jitter within a tenth of the interval", () => {
    const { slot, dueAt } = nextScrapeSlot("0 */6 * * *", 7, after);
    expect(slot).toEqual(new Date("2026-11-26T06:00:00Z"));
    expect(dueAt.getTime() - slot.getTime()).toBeGreaterThanOrEqual(0);
    expect(dueAt.getTime() - slot.getTime()).toBeLessThan(MAX_JITTER_MS);
  });

  it("gives every worker the same time for a source, and spreads sources that share a cron", () => {
    expect(nextScrapeSlot("0 */6 * * *", 7, after)).toEqual(nextScrapeSlot("0 */6 * * *", 7, after));
    const times = new Set(Array.from({ length: 20 }, (_, id) => nextScrapeSlot("0 */6 * * *", id + 1, after).dueAt.getTime()));
    expect(times.size).toBeGreaterThan(15);
  });

  it("keeps the jitter under a tenth of short intervals", () => {
    for (let id = 1; id <= 50; id++) {
      const { slot, dueAt } = nextScrapeSlot("*/5 * * * *", id, after);
      expect(dueAt.getTime() - slot.getTime()).toBeLessThan(30_000);
    }
  });

  it("is strictly after the time it is asked from, even exactly on a slot", () => {
    const onSlot = new Date("2026-11-26T06:00:00Z");
    expect(nextScrapeSlot("0 */6 * * *", 1, onSlot).slot).toEqual(new Date("2026-11-26T12:00:00Z"));
  });

  it("falls back to the default schedule for an expression it cannot read", () => {
    expect(nextScrapeSlot("every day", 3, after)).toEqual(nextScrapeSlot(DEFAULT_SCHEDULE, 3, after));
  });
});

describe("isValidSchedule", () => {
  it("accepts five-field cron expressions only", () => {
    expect(isValidSchedule("0 */6 * * *")).toBe(true);
    expect(isValidSchedule("15 8 * * 1-5")).toBe(true);
    expect(isValidSchedule("0 0 * * * *")).toBe(false);
    expect(isValidSchedule("61 * * * *")).toBe(false);
    expect(isValidSchedule("hourly")).toBe(false);
  });
});
