import type { FailedJob } from "@/lib/worker/job-queue";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function FailedJobsTable({ jobs }: { jobs: FailedJob[] }) {
  if (!jobs.length) return <p className="text-sm text-slate-700">No failed jobs.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Jobs whose last attempt failed</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Job</th>
            <th scope="col" className="px-3 py-2">Queue</th>
            <th scope="col" className="px-3 py-2">Attempts</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2">Reason</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {jobs.map((job) => (
            <tr key={job.id}>
              <td className="px-3 py-2 font-mono text-xs">
                {job.task} #{job.id}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{job.queueName ?? "—"}</td>
              <td className="px-3 py-2">
                {job.attempts} of {job.maxAttempts}
              </td>
              <td className="px-3 py-2">{job.permanent ? <span className="text-rose-800">failed</span> : `retries ${dateTime.format(job.runAt)} UTC`}</td>
              <td className="max-w-xl px-3 py-2 break-words text-slate-800">{job.lastError}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
