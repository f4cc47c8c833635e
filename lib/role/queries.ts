import "server-only";
import { sharedData } from "@/lib/cache/shared-data";
import { getDb } from "@/lib/db";

export interface Count {
  value: string;
  label?: string;
  count: number;
}

export interface SalaryBand {
  key: string;
  count: number;
  p25: number;
  median: number;
  p75: number;
}

export interface RoleFigures {
  openFit: number;
  /** Of openFit, the postings that say they sponsor work visas. */
  sponsorsVisa: number;
  skills: Count[];
  families: Count[];
  remote: Count[];
  companies: Count[];
  salaryByLevel: SalaryBand[];
  salaryByRegion: SalaryBand[];
}

/** Live figures for the role page, over open postings that fit the target role: one round trip. */
export async function getRoleFigures(): Promise<RoleFigures> {
  const [row] = await getDb().$queryRaw<RoleFigures[]>`
    WITH f AS MATERIALIZED (
      SELECT p.id, p.level, p.family, p.remote, p.skills, p.company_id, p.countries, p.sponsors_visa,
             (COALESCE(p.salary_min_usd, p.salary_max_usd) + COALESCE(p.salary_max_usd, p.salary_min_usd)) / 2.0 AS mid
      FROM posting p WHERE p.closed_at IS NULL AND p.fit
    )
    SELECT
      (SELECT count(*) FROM f)::int AS "openFit",
      (SELECT count(*) FROM f WHERE f.sponsors_visa)::int AS "sponsorsVisa",
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT s AS v, count(*)::int AS n FROM f, unnest(f.skills) s GROUP BY s ORDER BY n DESC, s LIMIT 15) x) AS skills,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT family::text AS v, count(*)::int AS n FROM f GROUP BY family) x) AS families,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT remote::text AS v, count(*)::int AS n FROM f GROUP BY remote) x) AS remote,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'label', label, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT c.slug AS v, c.name AS label, count(*)::int AS n FROM f JOIN company c ON c.id = f.company_id
               GROUP BY c.slug, c.name ORDER BY n DESC, c.slug LIMIT 10) x) AS companies,
      (SELECT coalesce(json_agg(json_build_object('key', k, 'count', n, 'p25', p25, 'median', med, 'p75', p75) ORDER BY med DESC), '[]')
         FROM (SELECT level::text AS k, count(*)::int AS n,
                      percentile_cont(0.25) WITHIN GROUP (ORDER BY mid)::int AS p25,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY mid)::int AS med,
                      percentile_cont(0.75) WITHIN GROUP (ORDER BY mid)::int AS p75
               FROM f WHERE mid IS NOT NULL GROUP BY level) x) AS "salaryByLevel",
      (SELECT coalesce(json_agg(json_build_object('key', k, 'count', n, 'p25', p25, 'median', med, 'p75', p75) ORDER BY n DESC), '[]')
         FROM (SELECT country AS k, count(*)::int AS n,
                      percentile_cont(0.25) WITHIN GROUP (ORDER BY mid)::int AS p25,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY mid)::int AS med,
                      percentile_cont(0.75) WITHIN GROUP (ORDER BY mid)::int AS p75
               FROM f, unnest(f.countries) country WHERE mid IS NOT NULL GROUP BY country ORDER BY count(*) DESC LIMIT 8) x) AS "salaryByRegion"`;
  return row!;
}

/** The figures shared by every visitor for up to a minute: over a million postings they take about 2 s to compute. */
export const getRoleFiguresShared = sharedData("role-figures-v2", getRoleFigures);
