import type { AdminSource } from "@/lib/admin/queries";
import { SOURCE_LABELS } from "@/lib/search/labels";
import { sourceHealth } from "@/lib/sources/health";
import { RunHistoryChart } from "./run-history-chart";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type FormAction = (formData: FormData) => Promise<void>;

function lastRunSummary(source: AdminSource) {
  const run = source.runs[0];
  if (!run) return <span className="text-slate-600">never run</span>;
  const seconds = run.finishedAt ? ((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1) : null;
  return (
    <div>
      <div>
        <span className={run.status === "failed" ? "text-rose-800" : run.status === "succeeded" ? "text-emerald-800" : "text-slate-700"}>{run.status}</span>{" "}
        {dateTime.format(run.startedAt)}
        {seconds !== null ? `, ${seconds} s` : ""}
      </div>
      <div className="text-xs text-slate-600">
        {run.fetchedCount} fetched, {run.newCount} new, {run.updatedCount} updated, {run.closedCount} closed
      </div>
      {run.errorReason ? <div className="max-w-md text-xs break-words text-rose-800">{run.errorReason}</div> : null}
    </div>
  );
}

export function SourcesTable({ sources, runNow, toggle, now }: { sources: AdminSource[]; runNow: FormAction; toggle: FormAction; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sources with their runs</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Source</th>
            <th scope="col" className="px-3 py-2">Last run</th>
            <th scope="col" className="px-3 py-2">Next run</th>
            <th scope="col" className="px-3 py-2">History</th>
            <th scope="col" className="px-3 py-2">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sources.map((source) => {
            const label = `${SOURCE_LABELS[source.kind] ?? source.kind}: ${source.token}`;
            const health = sourceHealth({ ...source, lastRunAt: source.runs[0]?.startedAt ?? null, lastRunStatus: source.runs[0]?.status ?? null }, now);
            return (
              <tr key={source.id} data-source-id={source.id}>
                <td className="px-3 py-2 align-top">
                  <div className="font-medium break-all">{label}</div>
                  <div className="text-xs text-slate-600">
                    {source.company?.name ?? "no company"} · {health}
                    {source.consecutiveFailures > 1 ? ` · ${source.consecutiveFailures} failures in a row` : ""}
                  </div>
                  <div className="font-mono text-xs text-slate-600">{source.schedule}</div>
                </td>
                <td className="px-3 py-2 align-top">{lastRunSummary(source)}</td>
                <td className="px-3 py-2 align-top">
                  {!source.enabled ? (source.disabledReason ?? "disabled") : source.nextRunAt ? `${dateTime.format(source.nextRunAt)} UTC` : "at the next tick"}
                </td>
                <td className="px-3 py-2 align-top">
                  <RunHistoryChart runs={source.runs} label={`Recent runs of ${label}`} />
                </td>
                <td className="px-3 py-2 align-top">
                  <div className="flex gap-2">
                    <form action={runNow}>
                      <input type="hidden" name="sourceId" value={source.id} />
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" disabled={!source.enabled}>
                        Run now
                      </button>
                    </form>
                    <form action={toggle}>
                      <input type="hidden" name="sourceId" value={source.id} />
                      <input type="hidden" name="enabled" value={source.enabled ? "false" : "true"} />
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
                        {source.enabled ? "Disable" : "Enable"}
                      </button>
                    </form>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
