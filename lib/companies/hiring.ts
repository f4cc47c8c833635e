import type { Db } from "@/lib/db";

/** A company with open postings in the listing's default set (open, fitting the role). */
export interface HiringCompany {
  slug: string;
  name: string;
  openRoles: number;
  remoteRoles: number;
  newestAt: Date;
  /** The highest annual USD salary its open roles state (their maximum, or minimum where only that is given). */
  topSalaryUsd: number | null;
  /** Whether any of its open roles says it sponsors work visas. */
  sponsorsVisa: boolean;
}

export interface HiringCompanies {
  companies: HiringCompany[];
  /** How many companies have open roles in all (may exceed companies.length). */
  total: number;
}

/**
 * The companies hiring for the role, most open roles first: the same postings the listing shows by
 * default, so each count is the total of `/?company=<slug>`. One statement; at most `limit` rows.
 */
export async function listHiringCompanies(db: Db, options: { limit?: number } = {}): Promise<HiringCompanies> {
  const limit = options.limit ?? 300;
  const rows = await db.$queryRaw<(HiringCompany & { total: number })[]>`
    WITH hiring AS (
      SELECT p.company_id, count(*)::int AS "openRoles", (count(*) FILTER (WHERE p.remote = 'remote'))::int AS "remoteRoles",
             max(p.sort_at) AS "newestAt", max(COALESCE(p.salary_max_usd, p.salary_min_usd))::int AS "topSalaryUsd",
             COALESCE(bool_or(p.sponsors_visa), false) AS "sponsorsVisa"
      FROM posting p WHERE p.closed_at IS NULL AND p.fit
      GROUP BY p.company_id
    )
    SELECT c.slug, c.name, h."openRoles", h."remoteRoles", h."newestAt", h."topSalaryUsd", h."sponsorsVisa", (SELECT count(*) FROM hiring)::int AS total
    FROM hiring h JOIN company c ON c.id = h.company_id
    ORDER BY h."openRoles" DESC, lower(c.name), c.slug
    LIMIT ${limit}`;
  return { companies: rows.map(({ total: _total, ...company }) => company), total: rows[0]?.total ?? 0 };
}
