import { env } from "@/lib/env";
import { atomResponse, renderAtomFeed } from "@/lib/feeds/atom";
import { filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";
import { getDb } from "@/lib/db";
import { listPostings } from "@/lib/search/listing";

export const dynamic = "force-dynamic";

/** GET /feed.xml: an Atom feed of the newest postings for any filter, same URL parameters as the page. */
export async function GET(request: Request) {
  const params = parseListingParams(new URL(request.url).searchParams);
  const filter = { ...params.filter, sort: "newest" as const };
  // The postings only: a feed shows no counts.
  const page = await listPostings(getDb(), filter, null);
  const site = env().SITE_URL;
  const query = filterToSearchParams(params.filter).toString();
  const ignoredNote = params.ignored.length
    ? ` Ignored: ${params.ignored.map((i) => `${i.param}=${i.value} (${i.reason})`).join("; ")}.`
    : "";
  const xml = renderAtomFeed({
    title: "mlradar: senior ML engineering roles",
    description: `Newest postings matching this search.${ignoredNote}`,
    listingUrl: new URL(query ? `/?${query}` : "/", site).toString(),
    selfUrl: new URL(`/feed.xml${query ? `?${query}` : ""}`, site).toString(),
    siteUrl: site,
    items: page.items,
  });
  return atomResponse(xml, "public, max-age=300");
}
