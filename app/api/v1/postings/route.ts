import { env } from "@/lib/env";
import { apiPosting } from "@/lib/search/api-shape";
import { filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";
import { searchListingsSharedFacets } from "@/lib/search/queries";
import { suggestQuery } from "@/lib/search/spelling";

export const dynamic = "force-dynamic";

/** GET /api/v1/postings: the listing as JSON, same parameters as the page; what was ignored is listed back. */
export async function GET(request: Request) {
  const params = parseListingParams(new URL(request.url).searchParams);
  // Fresh postings; the total comes with the facet counts every visitor shares for a minute.
  const { page, facets } = await searchListingsSharedFacets(params);
  const next = page.nextCursor
    ? new URL(`/api/v1/postings?${filterToSearchParams(params.filter, page.nextCursor).toString()}`, env().SITE_URL).toString()
    : null;
  return Response.json(
    {
      filter: params.filter,
      ignored: params.ignored,
      total: facets.total,
      totalIsCapped: facets.capped,
      sort: page.sort,
      data: page.items.map(apiPosting),
      next,
      // As the page's empty state: the words as they were probably meant, when they found nothing.
      didYouMean: facets.total === 0 && params.filter.q ? suggestQuery(params.filter.q) : null,
    },
    { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } },
  );
}
