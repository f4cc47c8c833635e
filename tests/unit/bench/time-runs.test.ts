import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { timeRunsWithin } from "@/bench/lib/stats";

describe("timeRunsWithin", () => {
  it("runs at least minRuns times, even when one run exceeds the budget", async () => {
    const samples = await timeRunsWithin(() => sleep(5), { minRuns: 3, maxRuns: 30, budgetMs: 1 });
    expect(samples).toHaveLength(3);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(4);
  });

  it("stops at maxRuns when runs are cheap", async () => {
    let calls = 0;
    const samples = await timeRunsWithin(async () => void calls++, { minRuns: 1, maxRuns: 7, budgetMs: 60_000, warmup: 2 });
    expect(samples).toHaveLength(7);
    expect(calls).toBe(9);
  });

  it("stops once the runs so far have spent the budget", async () => {
    const samples = await timeRunsWithin(() => sleep(10), { minRuns: 1, maxRuns: 100, budgetMs: 50 });
    // The rule itself, not a run count: a timer may fire a little early, so 10 ms sleeps can measure 9.9.
    const beforeLast = samples.slice(0, -1).reduce((sum, ms) => sum + ms, 0);
    expect(beforeLast).toBeLessThan(50);
    expect(beforeLast + samples.at(-1)!).toBeGreaterThanOrEqual(50);
    expect(samples.length).toBeLessThan(10);
  });
});
