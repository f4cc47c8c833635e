import { Feed } from "feed";
import { env } from "@/lib/env";
import { formatSalaryUsd, postingPath } from "@/lib/format";
import { filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";
import { searchListings } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

/** GET /feed.xml: an Atom feed of the newest postings for any filter, same URL parameters as the page. */
export async function GET(request: Request) {
  const params = parseListingParams(new URL(request.url).searchParams);
  const filter = { ...params.filter, sort: "newest" as const };
  const { page } = await searchListings({ filter, cursor: null, ignored: params.ignored });
  const site = env().SITE_URL;
  const query = filterToSearchParams(params.filter).toString();
  const listing = new URL(query ? `/?${query}` : "/", site).toString();
  const ignoredNote = params.ignored.length
    ? ` Ignored: ${params.ignored.map((i) => `${i.param}=${i.value} (${i.reason})`).join("; ")}.`
    : "";
  const feed = new Feed({
    title: "mlradar: senior ML engineering roles",
    description: `Newest postings matching this search.${ignoredNote}`,
    id: listing,
    link: listing,
    language: "en",
    updated: page.items[0]?.sortAt ?? new Date(0),
    copyright: "Postings belong to the companies that posted them.",
    feedLinks: { atom: new URL(`/feed.xml${query ? `?${query}` : ""}`, site).toString() },
  });
  for (const item of page.items) {
    const url = new URL(postingPath(item), site).toString();
    const salary = formatSalaryUsd(item.salaryMinUsd, item.salaryMaxUsd);
    feed.addItem({
      title: `${item.title} at ${item.companyName}`,
      id: url,
      link: url,
      date: item.sortAt,
      description: [item.locations.map((l) => l.raw).join(" · "), item.remote, item.level, salary, item.fitReasons[0]].filter(Boolean).join(" — "),
    });
  }
  return new Response(feed.atom1(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
