import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterWhere } from "@/lib/search/query-builder";
import { postingFilterSchema, type PostingFilter } from "@/lib/search/schemas";

/** Distinct filters evaluated per SQL statement: big enough to save round trips, small enough to plan quickly. */
export const FILTERS_PER_STATEMENT = 500;

/**
 * The posting columns filterWhere reads, copied once per statement so every filter scans 1,000
 * narrow rows instead of wide ones (descriptions stay behind). A filter on a column missing here
 * fails loudly; the semantics test in tests/integration/alerts covers every filter field.
 */
const FILTERED_COLUMNS = Prisma.sql`id, closed_at, fit, family, level, remote, countries, cities, remote_regions, skills,
  salary_min_usd, salary_max_usd, company_id, sort_at, search_vector`;

export interface MatchResult {
  /** Distinct filters evaluated (identical saved searches share one). */
  distinctFilters: number;
  /** AlertMatch rows inserted (a pair already matched is not counted again). */
  matched: number;
  /** Stored filters that no longer parse (schema changed since they were saved): skipped. */
  invalidFilters: number;
}

/** Searches that can receive alerts: not paused, address confirmed and not suppressed. */
export const ACTIVE_SEARCH = Prisma.sql`NOT s.paused AND u.email_verified AND u.suppressed_at IS NULL`;

/**
 * Match freshly ingested postings against every active saved search, with the listing's own WHERE
 * builder. Each distinct filter is evaluated once over the new postings, many filters in one scan
 * (CASE WHEN <filterWhere> per filter), then its hits fan out to every search sharing the filter;
 * the (search, posting) primary key with ON CONFLICT DO NOTHING makes re-running harmless.
 */
export async function matchNewPostings(db: Db, postingIds: readonly number[], now: Date): Promise<MatchResult> {
  const result: MatchResult = { distinctFilters: 0, matched: 0, invalidFilters: 0 };
  if (postingIds.length === 0) return result;
  const rows = await db.$queryRaw<{ hash: string; filters: unknown }[]>`
    SELECT DISTINCT ON (s.filters_hash) s.filters_hash AS hash, s.filters
    FROM saved_search s JOIN "user" u ON u.id = s.user_id
    WHERE ${ACTIVE_SEARCH}
    ORDER BY s.filters_hash`;
  const filters: { hash: string; filter: PostingFilter }[] = [];
  for (const row of rows) {
    const parsed = postingFilterSchema.safeParse(row.filters);
    if (parsed.success) filters.push({ hash: row.hash, filter: parsed.data });
    else result.invalidFilters += 1;
  }
  result.distinctFilters = filters.length;
  const ids = [...new Set(postingIds)];
  for (let start = 0; start < filters.length; start += FILTERS_PER_STATEMENT) {
    const chunk = filters.slice(start, start + FILTERS_PER_STATEMENT);
    // One pass over the new postings: each row yields the (1-based) numbers of the filters it satisfies.
    const satisfied = Prisma.join(
      chunk.map(({ filter }, index) => Prisma.sql`CASE WHEN ${filterWhere(filter, now)} THEN ${index + 1}::int END`),
      ", ",
    );
    result.matched += await db.$executeRaw`
      WITH p AS MATERIALIZED (SELECT ${FILTERED_COLUMNS} FROM posting WHERE id = ANY(${ids}::int[]) AND closed_at IS NULL),
      hits AS (SELECT p.id AS posting_id, unnest(array_remove(ARRAY[${satisfied}], NULL)) AS n FROM p),
      filters AS (SELECT * FROM unnest(${chunk.map((f) => f.hash)}::text[]) WITH ORDINALITY AS f(hash, n))
      INSERT INTO alert_match (saved_search_id, posting_id, matched_at)
      SELECT s.id, hits.posting_id, ${now} FROM hits
      JOIN filters ON filters.n = hits.n
      JOIN saved_search s ON s.filters_hash = filters.hash JOIN "user" u ON u.id = s.user_id
      WHERE ${ACTIVE_SEARCH}
      ON CONFLICT (saved_search_id, posting_id) DO NOTHING`;
  }
  return result;
}
