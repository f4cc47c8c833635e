import type { SourceKind } from "@/scrapers/types";

/**
 * Boards split over three test files so vitest's two workers share the load. Every kind in the
 * registry must be in exactly one group (checked in board-coverage.test.ts); each board's seed is
 * fixed, so a failure replays anywhere.
 */
export const BOARD_GROUPS: Record<"apis" | "moreApis" | "aggregators", readonly { kind: SourceKind; seed: number }[]> = {
  apis: [
    { kind: "greenhouse", seed: 8_001 },
    { kind: "lever", seed: 8_101 },
    { kind: "ashby", seed: 8_201 },
    { kind: "workable", seed: 8_301 },
  ],
  moreApis: [
    { kind: "smartrecruiters", seed: 8_401 },
    { kind: "recruitee", seed: 8_501 },
    { kind: "personio", seed: 8_601 },
    { kind: "workday", seed: 8_701 },
  ],
  aggregators: [
    { kind: "remoteok", seed: 8_801 },
    { kind: "remotive", seed: 8_901 },
    { kind: "weworkremotely", seed: 9_001 },
    { kind: "jsonld", seed: 9_101 },
    { kind: "hackernews", seed: 9_201 },
  ],
};
