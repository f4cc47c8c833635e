import "server-only";
import { getDb } from "@/lib/db";
import { countFacets, listPostings, type Facets, type ListingPage } from "./listing";
import type { ListingParams } from "./listing-params";

export interface ListingResult {
  page: ListingPage;
  facets: Facets;
}

/** The listing page's data: the page of postings and the facet panel, two SQL round trips in parallel. */
export async function searchListings(params: ListingParams, now = new Date()): Promise<ListingResult> {
  const db = getDb();
  const [page, facets] = await Promise.all([listPostings(db, params.filter, params.cursor, { now }), countFacets(db, params.filter, { now })]);
  return { page, facets };
}
