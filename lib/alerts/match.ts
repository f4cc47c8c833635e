import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterWhere } from "@/lib/search/query-builder";
import { postingFilterSchema, type PostingFilter } from "@/lib/search/schemas";

export interface MatchOptions {
  /** Distinct filters evaluated per SQL statement: big enough to save round trips, small enough to plan quickly. */
  filtersPerStatement?: number;
  /**
   * Statements in flight at once, each on its own pooled connection. Storing the matches is most of
   * the cost and runs on one core per statement; the chunks write disjoint searches, so they never
   * wait for each other.
   */
  concurrency?: number;
}

/**
 * The posting columns filterWhere reads, copied once per statement so every filter scans 1,000
 * narrow rows instead of wide ones (descriptions stay behind). A filter on a column missing here
 * fails loudly; the semantics test in tests/integration/alerts covers every filter field.
 */
const FILTERED_COLUMNS = Prisma.sql`id, closed_at, fit, family, level, remote, countries, cities, remote_regions, tz_min_offset, tz_max_offset, skills,
  salary_min_usd, salary_max_usd, sponsors_visa, company_id, sort_at, source_kinds, search_vector`;

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

interface DistinctFilter {
  hash: string;
  filter: PostingFilter;
}

/**
 * Match freshly ingested postings against every active saved search, with the listing's own WHERE
 * builder. Each distinct filter is evaluated once over the new postings, many filters in one scan
 * (CASE WHEN <filterWhere> per filter), then its hits fan out to every search sharing the filter;
 * the (search, posting) primary key makes re-running harmless.
 */
export async function matchNewPostings(
  db: Db,
  postingIds: readonly number[],
  now: Date,
  options: MatchOptions = {},
): Promise<MatchResult> {
  const result: MatchResult = { distinctFilters: 0, matched: 0, invalidFilters: 0 };
  if (postingIds.length === 0) return result;
  const filtersPerStatement = options.filtersPerStatement ?? 250;
  const concurrency = options.concurrency ?? 2;
  const rows = await db.$queryRaw<{ hash: string; filters: unknown }[]>`
    SELECT DISTINCT ON (s.filters_hash) s.filters_hash AS hash, s.filters
    FROM saved_search s JOIN "user" u ON u.id = s.user_id
    WHERE ${ACTIVE_SEARCH}
    ORDER BY s.filters_hash`;
  const filters: DistinctFilter[] = [];
  for (const row of rows) {
    const parsed = postingFilterSchema.safeParse(row.filters);
    if (parsed.success) filters.push({ hash: row.hash, filter: parsed.data });
    else result.invalidFilters += 1;
  }
  result.distinctFilters = filters.length;
  const ids = [...new Set(postingIds)];
  const chunks: DistinctFilter[][] = [];
  for (let start = 0; start < filters.length; start += filtersPerStatement) chunks.push(filters.slice(start, start + filtersPerStatement));
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, chunks.length) }, async () => {
    while (next < chunks.length) {
      const stored = await storeMatches(db, chunks[next++]!, ids, now);
      result.matched += stored;
    }
  });
  await Promise.all(workers);
  return result;
}

/** The (search, posting) pairs of one chunk of filters, in primary-key order (the index and foreign-key lookups stay local). */
function matchPairs(chunk: DistinctFilter[], ids: number[], now: Date): Prisma.Sql {
  // One pass over the new postings: each row yields the (1-based) numbers of the filters it satisfies.
  const satisfied = Prisma.join(
    chunk.map(({ filter }, index) => Prisma.sql`CASE WHEN ${filterWhere(filter, now)} THEN ${index + 1}::int END`),
    ", ",
  );
  return Prisma.sql`
    WITH p AS MATERIALIZED (SELECT ${FILTERED_COLUMNS} FROM posting WHERE id = ANY(${ids}::int[]) AND closed_at IS NULL),
    hits AS (SELECT p.id AS posting_id, unnest(array_remove(ARRAY[${satisfied}], NULL)) AS n FROM p),
    filters AS (SELECT * FROM unnest(${chunk.map((f) => f.hash)}::text[]) WITH ORDINALITY AS f(hash, n))
    SELECT s.id, hits.posting_id, ${now} FROM hits
    JOIN filters ON filters.n = hits.n
    JOIN saved_search s ON s.filters_hash = filters.hash JOIN "user" u ON u.id = s.user_id
    WHERE ${ACTIVE_SEARCH}
    ORDER BY s.id, hits.posting_id`;
}

async function storeMatches(db: Db, chunk: DistinctFilter[], ids: number[], now: Date): Promise<number> {
  return db.$executeRaw`
    INSERT INTO alert_match (saved_search_id, posting_id, matched_at) ${matchPairs(chunk, ids, now)}
    ON CONFLICT (saved_search_id, posting_id) DO NOTHING`;
}
