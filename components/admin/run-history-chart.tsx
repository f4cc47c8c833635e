import type { AdminRun } from "@/lib/admin/queries";

const WIDTH = 160;
/** A few runs stay thin bars rather than filling the chart. */
const MAX_SLOT = 16;
const HEIGHT = 36;
const STATUS_FILL: Record<string, string> = { succeeded: "#047857", failed: "#be123c", running: "#64748b" };

function durationMs(run: AdminRun): number {
  return run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : 0;
}

/** Oldest run on the left; bar height is the run's duration, colour its outcome. Server-rendered SVG. */
export function RunHistoryChart({ runs, label }: { runs: AdminRun[]; label: string }) {
  if (!runs.length) return <span className="text-xs text-slate-500">no runs yet</span>;
  const ordered = [...runs].reverse();
  const longest = Math.max(1, ...ordered.map(durationMs));
  const slot = Math.min(MAX_SLOT, WIDTH / ordered.length);
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {ordered.map((run, index) => {
        const height = Math.max(3, (durationMs(run) / longest) * (HEIGHT - 2));
        return (
          <rect key={run.id} x={index * slot + 1} y={HEIGHT - height} width={Math.max(2, slot - 2)} height={height} fill={STATUS_FILL[run.status] ?? "#64748b"}>
            <title>{`${run.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC: ${run.status}, ${(durationMs(run) / 1000).toFixed(1)} s, ${run.fetchedCount} fetched`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
