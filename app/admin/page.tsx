import type { Metadata } from "next";
import { z } from "zod";
import { AddSourceForm } from "@/components/admin/add-source-form";
import { FailedJobsTable } from "@/components/admin/failed-jobs-table";
import { SourcesTable } from "@/components/admin/sources-table";
import { requireAdminPage } from "@/lib/admin/admin-access";
import { listAdminSources } from "@/lib/admin/queries";
import { getDb } from "@/lib/db";
import { listFailedJobs, queueBacklog } from "@/lib/worker/job-queue";
import { scraperKinds } from "@/scrapers/registry";
import { addSourceAction, runSourceNowAction, toggleSourceAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

const searchParamsSchema = z.object({ notice: z.string().max(500).optional().catch(undefined) });

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const { notice } = searchParamsSchema.parse(await searchParams);
  const db = getDb();
  const [sources, failedJobs, backlog] = await Promise.all([listAdminSources(db), listFailedJobs(db), queueBacklog(db)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Admin</h1>
        <p className="mt-1 text-sm text-slate-700">
          {backlog
            ? `Queue: ${backlog.ready} waiting, ${backlog.running} running, ${backlog.scheduled} scheduled, ${backlog.failed} failed.`
            : "Queue: no worker has started yet (npm run worker)."}{" "}
          Times are UTC.
        </p>
        {notice ? (
          <p role="status" className="mt-2 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
      </div>
      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-lg font-semibold">
          Sources
        </h2>
        <SourcesTable sources={sources} runNow={runSourceNowAction} toggle={toggleSourceAction} now={new Date()} />
      </section>
      <section aria-labelledby="add-heading" className="space-y-2">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a source
        </h2>
        <AddSourceForm action={addSourceAction} kinds={scraperKinds} />
      </section>
      <section aria-labelledby="jobs-heading" className="space-y-2">
        <h2 id="jobs-heading" className="text-lg font-semibold">
          Failed jobs
        </h2>
        <FailedJobsTable jobs={failedJobs} />
      </section>
    </div>
  );
}
