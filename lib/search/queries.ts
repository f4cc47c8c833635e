import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { cookiePolicy } from "@/lib/auth/cookies";
import { ensureDatabase, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { PAGE_RENDER_HEADER } from "@/lib/security/page-cache";
import { countFacets, listPostings, type Facets, type ListingPage } from "./listing";
import { filterToSearchParams, parseListingParams, type ListingParams } from "./listing-params";

export interface ListingResult {
  page: ListingPage;
  facets: Facets;
}

/** How long anonymous visitors may see the same listing data before it is computed again. */
export const LISTING_CACHE_SECONDS = 60;

/** The listing page's data: the page of postings and the facet panel, two SQL round trips in parallel. */
export async function searchListings(params: ListingParams, now = new Date()): Promise<ListingResult> {
  const db = getDb();
  const [page, facets] = await Promise.all([listPostings(db, params.filter, params.cursor, { now }), countFacets(db, params.filter, { now })]);
  return { page, facets };
}

// Keyed by the database and the canonical query string (filter fields in one order, cursor), so
// equivalent URLs share an entry and a build's on-disk cache never answers for another database.
const cachedSearch = unstable_cache(
  async (_database: string, canonicalQuery: string): Promise<ListingResult> => searchListings(parseListingParams(new URLSearchParams(canonicalQuery))),
  ["listing-v1"],
  { revalidate: LISTING_CACHE_SECONDS, tags: ["listing"] },
);

let databaseKey: Promise<string> | undefined;

/** The same data through the cache: at most LISTING_CACHE_SECONDS old (Next serves a stale entry once while it refreshes it). */
export async function searchListingsCached(params: ListingParams): Promise<ListingResult> {
  databaseKey ??= ensureDatabase().then((url) => createHash("sha256").update(url).digest("hex").slice(0, 16));
  const result = await cachedSearch(await databaseKey, filterToSearchParams(params.filter, params.cursor).toString());
  // The cache stores JSON: dates come back as strings.
  const items = result.page.items.map((item) => ({
    ...item,
    sortAt: new Date(item.sortAt),
    postedAt: item.postedAt === null ? null : new Date(item.postedAt),
  }));
  return { ...result, page: { ...result.page, items } };
}

/**
 * Anonymous visitors share cached listing data (it changes only when the scrapers run); a visitor
 * with a session cookie gets it fresh, e.g. right after following an alert email, and so does the
 * page cache's own render (the HTML it keeps is the cache then).
 */
export async function searchListingsFor(
  params: ListingParams,
  request: { cookies: { has(name: string): boolean }; headers: { has(name: string): boolean } },
  now = new Date(),
): Promise<ListingResult> {
  const fresh = request.cookies.has(cookiePolicy(env().SITE_URL).names.session_token) || request.headers.has(PAGE_RENDER_HEADER);
  return fresh ? searchListings(params, now) : searchListingsCached(params);
}
