import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { ActiveFilters } from "@/components/listing/active-filters";
import { EmptyState } from "@/components/listing/empty-state";
import { FilterPanel } from "@/components/listing/filter-panel";
import { IgnoredParams } from "@/components/listing/ignored-params";
import { PostingCard } from "@/components/listing/posting-card";
import { SearchActions } from "@/components/listing/search-actions";
import { SortLinks } from "@/components/listing/sort-links";
import { formatCount } from "@/lib/format";
import { activeFilters } from "@/lib/search/active-filters";
import { wantedSkills } from "@/lib/search/card-skills";
import { feedPath, listingPath, parseListingParams } from "@/lib/search/listing-params";
import { groupPostings } from "@/lib/search/posting-groups";
import { searchListingsFor } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { filter } = parseListingParams(await searchParams);
  // A tab, a bookmark or the history names the search ("“vllm” · Remote · Staff").
  const filters = activeFilters(filter).map((chip) => chip.label).join(" · ");
  return {
    // The layout's "%s · mlradar" applies to child segments only, not to this page of the root one.
    title: `${filters ? `${filters.length > 80 ? `${filters.slice(0, 79)}…` : filters} — ` : ""}Senior ML engineering roles · mlradar`,
    // Feed readers find the feed of exactly these filters.
    alternates: { canonical: "/", types: { "application/atom+xml": feedPath(filter) } },
  };
}

export default async function ListingsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseListingParams(await searchParams);
  return (
    <>
      <IgnoredParams ignored={params.ignored} />
      <SearchActions filter={params.filter} />
      <Results params={params} />
    </>
  );
}

async function Results({ params }: { params: ReturnType<typeof parseListingParams> }) {
  const now = new Date();
  const { page, facets } = await searchListingsFor(params, { cookies: await cookies(), headers: await headers() }, now);
  const next = page.nextCursor ? listingPath(params.filter, page.nextCursor) : null;
  const first = params.cursor ? listingPath(params.filter) : null;
  const wanted = wantedSkills(params.filter);
  return (
    // One filter form: beside the results on wide screens, after them on phones (with a jump link). It
    // comes after the results in the document too, so a page painted while still arriving never moves them.
    <div className="grid gap-6 md:grid-cols-[18rem_1fr]">
      <section aria-labelledby="results-heading" className="md:col-start-2 md:row-start-1">
        <a href="#filters" className="mb-2 inline-block text-sm md:hidden">
          Filters ↓
        </a>
        <h1 id="results-heading" className="text-2xl font-semibold">
          Senior ML engineering roles
        </h1>
        <div className="mt-1 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
          <p className="text-slate-600" data-testid="total">
            {formatCount(facets.total, facets.capped)} open {facets.total === 1 ? "posting" : "postings"}
            {page.sort === "relevance" ? ", best matches first" : page.sort === "salary" ? ", highest salary first" : ", newest first"}
          </p>
          <SortLinks filter={params.filter} sort={page.sort} />
        </div>
        <ActiveFilters filter={params.filter} companies={facets.company} />
        {page.items.length === 0 ? (
          <div className="mt-4">
            <EmptyState filter={params.filter} facets={facets} />
          </div>
        ) : (
          <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {groupPostings(page.items).map((postings) => (
              <PostingCard key={postings[0]!.id} postings={postings} now={now} wantedSkills={wanted} />
            ))}
          </ol>
        )}
        <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
          {first ? <a href={first}>← First page</a> : <span />}
          {next && (
            <a href={next} rel="next" className="font-semibold">
              Next page →
            </a>
          )}
        </nav>
      </section>
      <aside id="filters" className="md:col-start-1 md:row-start-1">
        <FilterPanel filter={params.filter} facets={facets} />
      </aside>
    </div>
  );
}
