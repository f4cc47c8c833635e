import "server-only";
import { cookiePolicy } from "@/lib/auth/cookies";
import { sharedData } from "@/lib/cache/shared-data";
import { getDb, getWordSampleDb } from "@/lib/db";
import { env } from "@/lib/env";
import { PAGE_RENDER_HEADER } from "@/lib/security/page-cache";
import { countFacets, listPostings, type Facets, type ListingPage } from "./listing";
import { filterToSearchParams, parseListingParams, type ListingParams } from "./listing-params";

export interface ListingResult {
  page: ListingPage;
  facets: Facets;
}

/** The listing page's data, all fresh: the page of postings and the facet panel, two SQL round trips in parallel. */
export async function searchListings(params: ListingParams, now = new Date()): Promise<ListingResult> {
  const db = getDb();
  const [page, facets] = await Promise.all([listPostings(db, params.filter, params.cursor, { now }), countFacets(db, params.filter, { now, wordSampleDb: getWordSampleDb() })]);
  return { page, facets };
}

// Keyed by the canonical query string (filter fields in one order, cursor), so equivalent URLs share an entry;
// the version in the name changes with the shape of what is kept (entries outlive a build in .next/cache).
const cachedSearch = sharedData("listing-v2", async (canonicalQuery: string): Promise<ListingResult> => searchListings(parseListingParams(new URLSearchParams(canonicalQuery))));

/** The same data through the shared data cache (lib/cache/shared-data.ts): at most a minute old. */
export async function searchListingsCached(params: ListingParams): Promise<ListingResult> {
  const result = await cachedSearch(filterToSearchParams(params.filter, params.cursor).toString());
  // The cache stores JSON: dates come back as strings.
  const items = result.page.items.map((item) => ({
    ...item,
    sortAt: new Date(item.sortAt),
    postedAt: item.postedAt === null ? null : new Date(item.postedAt),
  }));
  return { ...result, page: { ...result.page, items } };
}

// Facet counts are the same for every visitor and every page of a filter (keyed without the cursor).
const cachedFacets = sharedData("facets-v3", async (canonicalFilter: string): Promise<Facets> =>
  countFacets(getDb(), parseListingParams(new URLSearchParams(canonicalFilter)).filter, { wordSampleDb: getWordSampleDb() }),
);

/**
 * Fresh postings with facet counts shared for up to a minute: the counts over a broad
 * match are the expensive part of a listing (tens of milliseconds at 100,000 postings) and a
 * minute-old count misleads nobody, while the postings themselves must be current.
 */
export async function searchListingsSharedFacets(params: ListingParams, now = new Date()): Promise<ListingResult> {
  const [page, facets] = await Promise.all([
    listPostings(getDb(), params.filter, params.cursor, { now }),
    cachedFacets(filterToSearchParams(params.filter).toString()),
  ]);
  return { page, facets };
}

/**
 * Anonymous visitors share cached listing data (it changes only when the scrapers run); a visitor
 * with a session cookie gets fresh postings, e.g. right after following an alert email, and the
 * page cache's own render gets everything fresh (the HTML it keeps is the cache then).
 */
export async function searchListingsFor(
  params: ListingParams,
  request: { cookies: { has(name: string): boolean }; headers: { has(name: string): boolean } },
  now = new Date(),
): Promise<ListingResult> {
  if (request.headers.has(PAGE_RENDER_HEADER)) return searchListings(params, now);
  if (request.cookies.has(cookiePolicy(env().SITE_URL).names.session_token)) return searchListingsSharedFacets(params, now);
  return searchListingsCached(params);
}
