import type { Metadata } from "next";
import Link from "next/link";
import { FrequencyFields } from "@/components/account/frequency-fields";
import { inputClass, primaryButtonClass } from "@/components/account/form-styles";
import { TimeZoneSelect } from "@/components/account/time-zone-select";
import { IgnoredParams } from "@/components/listing/ignored-params";
import { timeZoneOptions } from "@/lib/alerts/windows";
import { requirePageUser } from "@/lib/auth/page-user";
import { describeFilter } from "@/lib/saved-searches/describe-filter";
import { filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Save this search", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /account/searches/new?<listing filters>: name the search and choose how often to hear about it. Sign-in comes back here. */
export default async function NewSavedSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseListingParams(await searchParams);
  const query = filterToSearchParams(params.filter).toString();
  const user = await requirePageUser(`/account/searches/new${query ? `?${query}` : ""}`);
  return (
    <section aria-labelledby="new-search-heading" className="max-w-xl">
      <h1 id="new-search-heading" className="text-2xl font-semibold">
        Save this search
      </h1>
      <IgnoredParams ignored={params.ignored} />
      <p className="mt-2 text-sm text-slate-700">
        Filters: {describeFilter(params.filter)} (<Link prefetch={false} href={query ? `/?${query}` : "/"}>see the listing</Link>). New postings that match are
        emailed to {user.email}.
      </p>
      <form method="post" action="/account/searches/create" className="mt-4 grid grid-cols-[auto_1fr] items-center gap-2">
        <input type="hidden" name="query" value={query} />
        <label htmlFor="new-name" className="text-sm font-semibold">
          Name
        </label>
        <input id="new-name" name="name" defaultValue={describeFilter(params.filter)} required maxLength={100} className={inputClass} />
        <FrequencyFields idPrefix="new" frequency="daily" sendHour={8} />
        <label htmlFor="new-time-zone" className="text-sm font-semibold">
          Time zone
        </label>
        <TimeZoneSelect id="new-time-zone" value={user.timeZone} zones={timeZoneOptions()} preferBrowser={user.timeZone === "UTC"} />
        <span />
        <button type="submit" className={primaryButtonClass}>
          Save search
        </button>
      </form>
    </section>
  );
}
