import { Prisma } from "@/lib/generated/prisma/client";
import { countryOffsetSpan } from "@/lib/normalize/country-time-zones";
import { eligibleFrom } from "@/lib/normalize/location";
import { ADJACENT_FAMILIES, type PostingFilter } from "./schemas";
import { searchTsQuery } from "./synonyms";

const POSTED_HOURS = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;

/**
 * The WHERE clause of a listing filter, over `posting p`: one implementation shared by the listing,
 * the facets, the API, feeds and alert matching. Every value travels as a parameter.
 */
export function filterWhere(filter: PostingFilter, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`p.closed_at IS NULL`];

  // The target role by default; adjacent families only when asked for (explicitly or by naming one).
  const adjacent = filter.adjacent ? [...ADJACENT_FAMILIES] : (filter.family ?? []).filter((f) => (ADJACENT_FAMILIES as readonly string[]).includes(f));
  conditions.push(
    adjacent.length ? Prisma.sql`(p.fit OR p.family = ANY(${adjacent}::"RoleFamily"[]))` : Prisma.sql`p.fit`,
  );
  if (filter.family) conditions.push(Prisma.sql`p.family = ANY(${filter.family}::"RoleFamily"[])`);
  if (filter.level) conditions.push(Prisma.sql`p.level = ANY(${filter.level}::"Level"[])`);
  if (filter.remote) conditions.push(Prisma.sql`p.remote = ANY(${filter.remote}::"RemoteType"[])`);
  if (filter.location) {
    const location = filter.location.trim();
    conditions.push(
      /^[A-Za-z]{2}$/.test(location)
        ? Prisma.sql`p.countries @> ARRAY[${location.toUpperCase()}]::text[]`
        : Prisma.sql`EXISTS (SELECT 1 FROM unnest(p.cities) AS city WHERE lower(city) = lower(${location}))`,
    );
  }
  if (filter.eligible) {
    // Remote where the posting's eligibility includes the country; remote with only working hours
    // stated ("US time zones", "UTC-5 to UTC+1") where one of the country's zones lies within them;
    // or any posting located in it.
    const span = countryOffsetSpan(filter.eligible);
    const withinHours = span
      ? Prisma.sql`OR (p.remote = 'remote' AND cardinality(p.remote_regions) = 0 AND p.tz_min_offset <= ${span.max} AND p.tz_max_offset >= ${span.min})`
      : Prisma.empty;
    conditions.push(
      Prisma.sql`((p.remote = 'remote' AND p.remote_regions && ${eligibleFrom(filter.eligible)}::text[]) ${withinHours} OR p.countries @> ARRAY[${filter.eligible}]::text[])`,
    );
  }
  if (filter.skills) conditions.push(Prisma.sql`p.skills @> ${filter.skills}::text[]`);
  if (filter.salaryMin !== undefined) {
    const reaches = Prisma.sql`(p.salary_max_usd >= ${filter.salaryMin} OR p.salary_min_usd >= ${filter.salaryMin})`;
    conditions.push(
      filter.withoutSalary
        ? Prisma.sql`(${reaches} OR (p.salary_min_usd IS NULL AND p.salary_max_usd IS NULL))`
        : reaches,
    );
  }
  if (filter.visa) conditions.push(Prisma.sql`p.sponsors_visa`);
  if (filter.company) {
    conditions.push(Prisma.sql`p.company_id IN (SELECT c.id FROM company c WHERE c.slug = ANY(${filter.company}::text[]))`);
  }
  if (filter.posted) {
    const since = new Date(now.getTime() - POSTED_HOURS[filter.posted] * 3_600_000);
    conditions.push(Prisma.sql`p.sort_at >= ${since}`);
  }
  if (filter.source) {
    conditions.push(Prisma.sql`p.source_kinds && ${filter.source}::"SourceKind"[]`);
  }
  if (filter.q) conditions.push(Prisma.sql`p.search_vector @@ ${searchTsQuery(filter.q)}`);
  return Prisma.join(conditions, " AND ");
}

export type ListingSort = "relevance" | "newest" | "salary";

/** Relevance needs words to rank by; without a query it falls back to newest. */
export function effectiveSort(filter: PostingFilter): ListingSort {
  if (filter.sort === "relevance" && !filter.q) return "newest";
  return filter.sort ?? (filter.q ? "relevance" : "newest");
}
