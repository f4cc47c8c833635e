import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeRegExp } from "@/lib/normalize/skills";
import { loosenableFields, withoutField, type LoosenField } from "./loosen";
import { effectiveSort, filterWhere, type ListingSort } from "./query-builder";
import { queryTerms, type TermMatch, type TermPlace } from "./query-terms";
import { searchTsQuery, termTsQuery } from "./synonyms";
import type { Cursor, PostingFilter } from "./schemas";

export const PAGE_SIZE = 25;
/** Relevance ranks at most this many of the newest matches, so broad words stay fast. */
export const RELEVANCE_CANDIDATES = 1000;
/**
 * Relevance looks for its candidates among this many newest open postings first, and everywhere
 * only when they hold less than a page of matches: at a million postings a mid-frequency word
 * would otherwise be checked against 20,000 rows (each a detoasted search vector) to find 1,000.
 */
export const RELEVANCE_WINDOW = 20_000;
/** How long the window's start (the sort time of its oldest posting) is reused. */
const WINDOW_CUTOFF_TTL_MS = 60_000;
/** Counts are exact up to this; beyond it the page says "10,000+". */
export const COUNT_CAP = 10_000;

export interface ListingItem {
  id: number;
  title: string;
  companyName: string;
  companySlug: string;
  locations: { raw: string; city?: string; country?: string }[];
  remote: string;
  remoteRegions: string[];
  level: string;
  family: string;
  fitScore: number;
  fitReasons: string[];
  skills: string[];
  salaryMinUsd: number | null;
  salaryMaxUsd: number | null;
  salaryCurrency: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryInterval: string | null;
  /** Offers visa sponsorship; null when the posting does not say. */
  sponsorsVisa: boolean | null;
  sortAt: Date;
  postedAt: Date | null;
  rank: number | null;
  /** With words only: where the posting has each search term. */
  termMatches?: TermMatch[];
}

export interface ListingPage {
  items: ListingItem[];
  nextCursor: Cursor | null;
  sort: ListingSort;
}

// The company's slug as a scalar subquery, not a join: PostgreSQL then looks it up only for the page's
// rows after the sort, and plans the statement faster (a rare word's first page took half the time).
const columns = Prisma.sql`
  p.id, p.title, p.company_name AS "companyName", (SELECT c.slug FROM company c WHERE c.id = p.company_id) AS "companySlug", p.locations, p.remote::text AS remote,
  p.remote_regions AS "remoteRegions", p.level::text AS level, p.family::text AS family, p.fit_score AS "fitScore",
  p.fit_reasons AS "fitReasons", p.skills, p.salary_min_usd AS "salaryMinUsd", p.salary_max_usd AS "salaryMaxUsd",
  p.salary_currency AS "salaryCurrency", p.salary_min AS "salaryMin", p.salary_max AS "salaryMax",
  p.salary_interval::text AS "salaryInterval", p.sponsors_visa AS "sponsorsVisa", p.sort_at AS "sortAt", p.posted_at AS "postedAt"`;

/**
 * With words, where the page's postings hold each search term, from the search vector's weights:
 * A is the title, B the company and skills, the rest the description (an "or" can leave a term out).
 * The term queries are constants PostgreSQL folds at planning; per row this costs one or two reads of
 * the search vector, so it goes where only the page's rows are (see pageWithTerms).
 */
export function termPlacesColumn(q: string | undefined, terms: readonly string[], options: { matchUnknown?: boolean } = {}): Prisma.Sql | null {
  if (!q || !terms.length) return null;
  // With "or", or for postings not selected by this query (`matchUnknown`), a term may be absent.
  const either = options.matchUnknown || /(^|\s)or(\s|$)/i.test(q);
  const places = terms.map((term) => {
    // A synonym ("k8s") is where the word or its skill's name ("kubernetes") is.
    const query = termTsQuery(term);
    // '''model'' <-> ''serv''' becomes '''model'':A <-> ''serv'':A': each lexeme limited to one weight.
    const weighted = (weight: "A" | "B") => Prisma.sql`regexp_replace(${query}::text, '''(?:[^'']|'''')*''', ${`\\&:${weight}`}, 'g')::tsquery`;
    return Prisma.sql`CASE WHEN numnode(${query}) = 0 THEN 'no words'
      WHEN p.search_vector @@ ${weighted("A")} THEN 'title'
      WHEN p.search_vector @@ ${weighted("B")} THEN 'company or skills'
      ${either ? Prisma.sql`WHEN NOT p.search_vector @@ ${query} THEN NULL` : Prisma.empty}
      ELSE 'description' END`;
  });
  return Prisma.sql`, ARRAY[${Prisma.join(places)}]::text[] AS "termPlaces"`;
}

/**
 * A newest or salary page with its term places: PostgreSQL would compute a cheap expression for every
 * match before the sort (604 rows for a rare word at a million postings, 3 ms to 12 ms), so the page is
 * cut first and its rows joined back.
 */
function pageWithTerms(page: Prisma.Sql, placesColumn: Prisma.Sql | null, order: Prisma.Sql): Prisma.Sql {
  if (!placesColumn) return page;
  return Prisma.sql`SELECT page.* ${placesColumn} FROM (${page}) page JOIN posting p ON p.id = page.id ORDER BY ${order}`;
}

/** Whether a name has the term at the start of one of its words ("labs" in "Acme Labs", not "r" in "Tensorlane"). */
function namesAtWordStart(name: string, term: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, "iu").test(name);
}

/** The rows' term places as TermMatch lists (telling the company's name from the skills by the name itself). */
export function withTermMatches<T extends ListingItem>(rows: (T & { termPlaces?: (string | null)[] })[], terms: readonly string[]): T[] {
  if (!rows.some((row) => row.termPlaces)) return rows;
  return rows.map(({ termPlaces, ...row }) => ({
    ...row,
    // A stop word ("the") is no term: PostgreSQL searched without it.
    termMatches: terms.flatMap((term, i): TermMatch[] => {
      const place = termPlaces?.[i] ?? null;
      if (place === "no words") return [];
      if (place !== "company or skills") return [{ term, in: place as TermPlace | null }];
      return [{ term, in: namesAtWordStart(row.companyName, term) ? "company" : "skills" }];
    }),
  }) as T); // termPlaces taken off and termMatches added: a T again
}

const windowCutoffs = new WeakMap<Db, Map<number, { cutoff: Date | null; expires: number }>>();

/** The sort time of the window-th newest open fitting posting (null when there are fewer), cached for a minute. */
async function relevanceWindowCutoff(db: Db, window: number): Promise<Date | null> {
  const byWindow = windowCutoffs.get(db) ?? new Map<number, { cutoff: Date | null; expires: number }>();
  windowCutoffs.set(db, byWindow);
  const cached = byWindow.get(window);
  if (cached && cached.expires > Date.now()) return cached.cutoff;
  const [row] = await db.$queryRaw<{ sort_at: Date }[]>`
    SELECT sort_at FROM posting WHERE closed_at IS NULL AND fit
    ORDER BY sort_at DESC, id DESC OFFSET ${window - 1} LIMIT 1`;
  const cutoff = row?.sort_at ?? null;
  byWindow.set(window, { cutoff, expires: Date.now() + WINDOW_CUTOFF_TTL_MS });
  return cutoff;
}

/**
 * The postings relevance ranks: the newest RELEVANCE_CANDIDATES matches, from the newest
 * `window` open postings when they hold more than a page of matches, from all matches otherwise
 * (a query on the whole set runs only then: its scan sits behind a one-time filter).
 */
function relevanceCandidates(where: Prisma.Sql, cutoff: Date | null, pageSize: number): Prisma.Sql {
  const newest = (extra: Prisma.Sql) => Prisma.sql`
    SELECT p.id, p.search_vector FROM posting p WHERE ${where} ${extra}
    ORDER BY p.sort_at DESC, p.id DESC
    LIMIT ${RELEVANCE_CANDIDATES}`;
  if (!cutoff) return Prisma.sql`candidate AS (${newest(Prisma.empty)})`;
  return Prisma.sql`
    windowed AS MATERIALIZED (${newest(Prisma.sql`AND p.sort_at >= ${cutoff}`)}),
    candidate AS (
      SELECT id, search_vector FROM windowed WHERE (SELECT count(*) FROM windowed) > ${pageSize}
      UNION ALL
      (${newest(Prisma.sql`AND (SELECT count(*) FROM windowed) <= ${pageSize}`)})
    )`;
}

/** One page of matching open postings, keyset-paginated (no OFFSET): one SQL round trip (two when relevance's window start is due). */
export async function listPostings(
  db: Db,
  filter: PostingFilter,
  cursor: Cursor | null,
  options: { now?: Date; pageSize?: number; relevanceWindow?: number } = {},
): Promise<ListingPage> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const sort = effectiveSort(filter);
  const where = filterWhere(filter, now);
  const queryWords = filter.q ? queryTerms(filter.q) : [];
  const placesColumn = termPlacesColumn(filter.q, queryWords);
  let rows: ListingItem[];

  if (sort === "relevance") {
    const after = cursor && typeof cursor.s === "number" ? Prisma.sql`AND (r.rank, r.id) < (${cursor.s}::float8, ${cursor.i})` : Prisma.empty;
    const cutoff = await relevanceWindowCutoff(db, options.relevanceWindow ?? RELEVANCE_WINDOW);
    // Ranked only after the candidates are cut to RELEVANCE_CANDIDATES (a sort would otherwise rank
    // every match), and only the page's rows are joined back for their columns.
    rows = await db.$queryRaw<ListingItem[]>`
      WITH ${relevanceCandidates(where, cutoff, pageSize)}, r AS (
        SELECT candidate.id, ts_rank_cd(candidate.search_vector, query.q, 32)::float8 AS rank
        FROM candidate, (SELECT ${searchTsQuery(filter.q ?? "")} AS q) query
      ), page AS (
        SELECT r.id, r.rank FROM r WHERE TRUE ${after}
        ORDER BY r.rank DESC, r.id DESC
        LIMIT ${pageSize + 1}
      )
      SELECT ${columns}, r.rank ${placesColumn ?? Prisma.empty}
      FROM page r JOIN posting p ON p.id = r.id
      ORDER BY r.rank DESC, r.id DESC`;
  } else if (sort === "salary") {
    const key = Prisma.sql`COALESCE(p.salary_max_usd, p.salary_min_usd, -1)`;
    const after = cursor && typeof cursor.s === "number" ? Prisma.sql`AND (${key}, p.id) < (${cursor.s}::int, ${cursor.i})` : Prisma.empty;
    const page = Prisma.sql`
      SELECT ${columns}, NULL::float8 AS rank
      FROM posting p
      WHERE ${where} ${after}
      ORDER BY ${key} DESC, p.id DESC
      LIMIT ${pageSize + 1}`;
    rows = await db.$queryRaw<ListingItem[]>`${pageWithTerms(page, placesColumn, Prisma.sql`COALESCE(page."salaryMaxUsd", page."salaryMinUsd", -1) DESC, page.id DESC`)}`;
  } else {
    const after =
      cursor && typeof cursor.s === "string" && !Number.isNaN(Date.parse(cursor.s))
        ? Prisma.sql`AND (p.sort_at, p.id) < (${new Date(cursor.s)}, ${cursor.i})`
        : Prisma.empty;
    const page = Prisma.sql`
      SELECT ${columns}, NULL::float8 AS rank
      FROM posting p
      WHERE ${where} ${after}
      ORDER BY p.sort_at DESC, p.id DESC
      LIMIT ${pageSize + 1}`;
    rows = await db.$queryRaw<ListingItem[]>`${pageWithTerms(page, placesColumn, Prisma.sql`page."sortAt" DESC, page.id DESC`)}`;
  }

  const items = withTermMatches(rows.slice(0, pageSize), queryWords);
  const last = items[items.length - 1];
  let nextCursor: Cursor | null = null;
  if (rows.length > pageSize && last) {
    const s =
      sort === "relevance" ? last.rank : sort === "salary" ? (last.salaryMaxUsd ?? last.salaryMinUsd ?? -1) : last.sortAt.toISOString();
    nextCursor = { s, i: last.id };
  }
  return { items, nextCursor, sort };
}

export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

export interface Facets {
  total: number;
  /** True when there are more than COUNT_CAP matches: total and counts cover the first COUNT_CAP. */
  capped: boolean;
  level: FacetValue[];
  remote: FacetValue[];
  family: FacetValue[];
  skills: FacetValue[];
  company: FacetValue[];
  source: FacetValue[];
  /** Postings that say they sponsor work visas. */
  visa: number;
  /** Only when nothing matches: how many would match with each filter field taken off (capped like total). */
  loosen: { field: LoosenField; count: number; capped: boolean }[];
}

/**
 * Total and facet counts for the current result set, in one SQL round trip (two when nothing matches:
 * see countLoosened). Boards are counted from the postings' own source_kinds (kept by triggers on
 * sighting). Companies are counted by id and only the top ones joined, which needs no plan for joining
 * every match. With words, the statement goes through `wordSampleDb` when given (lib/db.ts
 * getWordSampleDb), whose planner takes the sample from the word index.
 */
export async function countFacets(db: Db, filter: PostingFilter, options: { now?: Date; wordSampleDb?: Db } = {}): Promise<Facets> {
  const now = options.now ?? new Date();
  const where = filterWhere(filter, now);
  const client = filter.q && options.wordSampleDb ? options.wordSampleDb : db;
  const [row] = await client.$queryRaw<
    { total: number; visa: number; level: FacetValue[]; remote: FacetValue[]; family: FacetValue[]; skills: FacetValue[]; company: FacetValue[]; source: FacetValue[] }[]
  >`
    WITH m AS MATERIALIZED (
      SELECT p.id, p.level, p.remote, p.family, p.skills, p.company_id, p.source_kinds, p.sponsors_visa FROM posting p WHERE ${where} LIMIT ${COUNT_CAP + 1}
    )
    SELECT
      (SELECT count(*) FROM m)::int AS total,
      (SELECT count(*) FROM m WHERE m.sponsors_visa)::int AS visa,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT level::text AS v, count(*)::int AS n FROM m GROUP BY level) x) AS level,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT remote::text AS v, count(*)::int AS n FROM m GROUP BY remote) x) AS remote,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT family::text AS v, count(*)::int AS n FROM m GROUP BY family) x) AS family,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT skill AS v, count(*)::int AS n FROM (SELECT unnest(m.skills) AS skill FROM m) u GROUP BY skill ORDER BY n DESC, skill LIMIT 24) x) AS skills,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'label', label, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT c.slug AS v, c.name AS label, top.n FROM (SELECT company_id, count(*)::int AS n FROM m GROUP BY company_id
                                                                ORDER BY n DESC FETCH FIRST 15 ROWS WITH TIES) top
               JOIN company c ON c.id = top.company_id ORDER BY top.n DESC, c.slug LIMIT 15) x) AS company,
      (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')
         FROM (SELECT kind::text AS v, count(*)::int AS n FROM (SELECT unnest(m.source_kinds) AS kind FROM m) u GROUP BY kind) x) AS source`;
  const total = row?.total ?? 0;
  return {
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
    level: row?.level ?? [],
    remote: row?.remote ?? [],
    family: row?.family ?? [],
    skills: row?.skills ?? [],
    company: row?.company ?? [],
    source: row?.source ?? [],
    visa: row?.visa ?? 0,
    loosen: total === 0 ? await countLoosened(client, filter, now) : [],
  };
}

/**
 * For an empty result: how many postings each filter field's removal would find, in one statement
 * (a second round trip, only then: planning these counts into every facet query cost more than it saved).
 */
async function countLoosened(db: Db, filter: PostingFilter, now: Date): Promise<Facets["loosen"]> {
  const fields = loosenableFields(filter);
  if (!fields.length) return [];
  const counts = fields.map(
    (field) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM posting p WHERE ${filterWhere(withoutField(filter, field), now)} LIMIT ${COUNT_CAP + 1}) x)`,
  );
  const [row] = await db.$queryRaw<{ counts: number[] }[]>`SELECT json_build_array(${Prisma.join(counts)}) AS counts`;
  return fields.map((field, i) => {
    const count = row?.counts[i] ?? 0;
    return { field, count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
  });
}
