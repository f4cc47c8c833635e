export type SourceHealth = "healthy" | "stale" | "failing" | "never run" | "disabled";

/** Healthy: last run succeeded and a success is recent; failing: the latest run failed. */
export function sourceHealth(
  source: { enabled: boolean; lastRunStatus: string | null; lastSuccessAt: Date | null; lastRunAt: Date | null },
  now = new Date(),
  staleAfterHours = 24,
): SourceHealth {
  if (!source.enabled) return "disabled";
  if (!source.lastRunAt) return "never run";
  if (source.lastRunStatus === "failed") return "failing";
  if (!source.lastSuccessAt || now.getTime() - source.lastSuccessAt.getTime() > staleAfterHours * 3_600_000) return "stale";
  return "healthy";
}
