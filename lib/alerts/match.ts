import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterWhere } from "@/lib/search/query-builder";
import { postingFilterSchema, type PostingFilter } from "@/lib/search/schemas";

/** Distinct filters evaluated per SQL statement: big enough to save round trips, small enough to plan quickly. */
export const FILTERS_PER_STATEMENT = 250;

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
 * builder. Each distinct filter is evaluated once over the new postings (many filters per
 * statement), then its hits fan out to every search sharing the filter; the (search, posting)
 * primary key with ON CONFLICT DO NOTHING makes re-running harmless.
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
    const branches = Prisma.join(
      chunk.map(({ hash, filter }) => Prisma.sql`SELECT ${hash}::text AS hash, p.id AS posting_id FROM p WHERE ${filterWhere(filter, now)}`),
      " UNION ALL ",
    );
    result.matched += await db.$executeRaw`
      WITH p AS MATERIALIZED (SELECT * FROM posting WHERE id = ANY(${ids}::int[]) AND closed_at IS NULL),
      hits AS (${branches})
      INSERT INTO alert_match (saved_search_id, posting_id, matched_at)
      SELECT s.id, hits.posting_id, ${now} FROM hits
      JOIN saved_search s ON s.filters_hash = hits.hash JOIN "user" u ON u.id = s.user_id
      WHERE ${ACTIVE_SEARCH}
      ON CONFLICT (saved_search_id, posting_id) DO NOTHING`;
  }
  return result;
}
