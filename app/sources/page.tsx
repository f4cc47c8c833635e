import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { SOURCE_LABELS } from "@/lib/search/labels";
import { sourceHealth } from "@/lib/sources/health";
import { companiesBySource, listSourcesWithLastRun, type SourceCompanies } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sources", alternates: { canonical: "/sources" } };

const HEALTH_STYLE: Record<string, string> = {
  healthy: "text-emerald-800",
  stale: "text-amber-800",
  failing: "text-rose-800",
  "never run": "text-slate-600",
  disabled: "text-slate-600",
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SourcesPage() {
  const db = getDb();
  const sources = await listSourcesWithLastRun(db);
  // A career page or a Hacker News thread has no company of its own: name the ones it lists postings for.
  const listedFor = await companiesBySource(db, sources.filter((s) => !s.company).map((s) => s.id));
  const now = new Date();
  return (
    <div>
      <h1 className="text-2xl font-semibold">Sources</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        Every board mlradar reads, when it last answered and how many of its postings are open, so you can see how fresh the data is.
        Times are UTC.
      </p>
      {/* Health next to the board; on a phone the last run joins the health cell and the company is left out, so nothing scrolls away. */}
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sources and their health</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">Board</th>
              <th scope="col" className="px-3 py-2">Health</th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">Last successful run</th>
              <th scope="col" className="px-3 py-2 text-right">Open postings</th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">Company</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {sources.map((source) => {
              const health = sourceHealth(source, now);
              const lastRun = source.lastSuccessAt ? dateTime.format(source.lastSuccessAt) : "never";
              return (
                <tr key={source.id}>
                  <td className="px-3 py-2">
                    {SOURCE_LABELS[source.kind]} <span className="block text-xs break-all text-slate-600 sm:inline sm:text-sm">({source.token})</span>
                  </td>
                  <td className={`px-3 py-2 ${HEALTH_STYLE[health]}`}>
                    {health}
                    {health === "failing" && source.lastError && <span className="block text-xs text-slate-600">{source.lastError.slice(0, 140)}</span>}
                    {health === "disabled" && source.disabledReason && <span className="block text-xs text-slate-600">{source.disabledReason}</span>}
                    <span className="block text-xs text-slate-700 sm:hidden">last successful run: {lastRun}</span>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{lastRun}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{source._count.sightings}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    <SourceCompany company={source.company} listedFor={listedFor.get(source.id)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SourceCompany({ company, listedFor }: { company: { name: string; slug: string } | null; listedFor?: SourceCompanies }) {
  const only = company ?? listedFor?.only;
  if (only) {
    return (
      <Link prefetch={false} href={`/companies/${only.slug}`}>
        {only.name}
      </Link>
    );
  }
  return listedFor ? `${listedFor.count.toLocaleString("en-US")} companies` : "—";
}
