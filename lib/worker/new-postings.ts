import type { Db } from "@/lib/db";

/**
 * The postings a scrape run created: first seen during the run, on that run's source. Derived from
 * the database rather than carried in the job, so a retried or redelivered job finds the same set.
 */
export async function newPostingIdsOfRun(db: Db, runId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT p.id
    FROM scrape_run AS r
    JOIN sighting AS s ON s.source_id = r.source_id
    JOIN posting AS p ON p.id = s.posting_id
    WHERE r.id = ${runId} AND r.status = 'succeeded'::"RunStatus"
      AND p.first_seen_at >= r.started_at AND p.first_seen_at <= r.finished_at
    ORDER BY p.id`;
  return rows.map((row) => row.id);
}
