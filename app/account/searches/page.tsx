import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass, secondaryButtonClass } from "@/components/account/form-styles";
import { SavedSearchCard } from "@/components/account/saved-search-card";
import { TimeZoneSelect } from "@/components/account/time-zone-select";
import { timeZoneOptions } from "@/lib/alerts/windows";
import { requirePageUser } from "@/lib/auth/page-user";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { privateFeedUrl } from "@/lib/feeds/private-feed";
import { listSavedSearches } from "@/lib/saved-searches/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Saved searches", robots: { index: false } };

/** /account/searches: the signed-in user's saved searches and alert settings. */
export default async function SavedSearchesPage() {
  const user = await requirePageUser("/account/searches");
  const searches = await listSavedSearches(user.id);
  const site = env().SITE_URL;
  const secret = authSecret();
  return (
    <section aria-labelledby="searches-heading" className="max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="searches-heading" className="text-2xl font-semibold">
          Saved searches
        </h1>
        <form method="post" action="/api/auth/sign-out" className="text-sm">
          Signed in as {user.email}{" "}
          <button type="submit" className={secondaryButtonClass}>
            Sign out
          </button>
        </form>
      </div>
      {searches.length === 0 ? (
        <p className="mt-4 text-sm">
          No saved searches yet. Filter <Link prefetch={false} href="/">the listings</Link> and press “Save this search”.
        </p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {searches.map((search) => (
            <SavedSearchCard key={search.id} search={search} timeZone={user.timeZone} feedUrl={privateFeedUrl(search.id, site, secret)} />
          ))}
        </ol>
      )}
      <form method="post" action="/account/time-zone" className="mt-6 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="account-time-zone" className="font-semibold">
          Time zone for digests
        </label>
        <TimeZoneSelect id="account-time-zone" value={user.timeZone} zones={timeZoneOptions()} preferBrowser={false} />
        <button type="submit" className={primaryButtonClass}>
          Save time zone
        </button>
      </form>
    </section>
  );
}
