import Link from "next/link";
import { formatCountOf } from "@/lib/format";
import { describeFilter } from "@/lib/saved-searches/describe-filter";
import type { SavedSearchView } from "@/lib/saved-searches/queries";
import { FREQUENCY_LABELS, hourLabel, nextSendLabel } from "@/lib/saved-searches/schedule-label";
import { filterToSearchParams } from "@/lib/search/listing-params";
import { FrequencyFields } from "./frequency-fields";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "./form-styles";

/** One saved search with its settings forms (plain POST forms: they work without JavaScript). */
export function SavedSearchCard({ search, timeZone, feedUrl }: { search: SavedSearchView; timeZone: string; feedUrl: string }) {
  const query = filterToSearchParams(search.filter).toString();
  const base = `/account/searches/${search.id}`;
  return (
    <li className="px-4 py-4" data-testid="saved-search">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 className="text-base font-semibold">{search.name}</h2>
        {search.paused && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Paused</span>}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {describeFilter(search.filter)} · <Link prefetch={false} href={query ? `/?${query}` : "/"}>{formatCountOf(search.matchingOpen, "open posting matches", "open postings match", search.capped)} now</Link>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {FREQUENCY_LABELS[search.frequency]}
        {search.frequency !== "instant" && ` at ${hourLabel(search.sendHour)}`} · Next email: <span data-testid="next-send">{nextSendLabel(search, timeZone)}</span>
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-semibold">Edit</summary>
        <form method="post" action={`${base}/update`} className="mt-2 grid max-w-md grid-cols-[auto_1fr] items-center gap-2">
          <label htmlFor={`${search.id}-name`} className="text-sm font-semibold">
            Name
          </label>
          <input id={`${search.id}-name`} name="name" defaultValue={search.name} required maxLength={100} className={inputClass} />
          <FrequencyFields idPrefix={search.id} frequency={search.frequency} sendHour={search.sendHour} />
          <span />
          <button type="submit" className={primaryButtonClass}>
            Save changes
          </button>
        </form>
      </details>
      <div className="mt-2 flex flex-wrap gap-2">
        <form method="post" action={`${base}/pause`}>
          <input type="hidden" name="paused" value={search.paused ? "0" : "1"} />
          <button type="submit" className={secondaryButtonClass}>
            {search.paused ? "Resume alerts" : "Pause alerts"}
          </button>
        </form>
        <form method="post" action={`${base}/delete`}>
          <button type="submit" className={secondaryButtonClass}>
            Delete
          </button>
        </form>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <label htmlFor={`${search.id}-feed`}>Private feed (for a feed reader; anyone with this URL can read it):</label>{" "}
        <input id={`${search.id}-feed`} readOnly value={feedUrl} className={`${inputClass} w-full font-mono text-xs`} />
      </p>
    </li>
  );
}
