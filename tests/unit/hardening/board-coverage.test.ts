import { describe, expect, it } from "vitest";
import { scraperKinds } from "@/scrapers/registry";
import { RUNS_PER_BOARD } from "./support/board-fuzz";
import { BOARD_GROUPS } from "./support/board-groups";

describe("board parser fuzzing covers the registry", () => {
  it("fuzzes every board kind exactly once, each with at least 10,000 inputs", () => {
    const fuzzed = Object.values(BOARD_GROUPS).flatMap((group) => group.map((entry) => entry.kind));
    expect([...fuzzed].sort()).toEqual([...scraperKinds].sort());
    expect(RUNS_PER_BOARD).toBeGreaterThanOrEqual(10_000);
    const seeds = Object.values(BOARD_GROUPS).flatMap((group) => group.map((entry) => entry.seed));
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});
