import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/alerts/backoff";

describe("retryDelayMs", () => {
  it("doubles per attempt with jitter between half and all of it, capped at six hours", () => {
    expect(retryDelayMs(1, () => 0)).toBe(30_000);
    expect(retryDelayMs(1, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, () => 1)).toBe(240_000);
    expect(retryDelayMs(30, () => 1)).toBe(6 * 3_600_000);
    const samples = new Set(Array.from({ length: 20 }, () => retryDelayMs(4)));
    expect(samples.size).toBeGreaterThan(1);
  });
});
