import { feedPath, filterToSearchParams } from "@/lib/search/listing-params";
import type { PostingFilter } from "@/lib/search/schemas";

/** The ways to follow these filters: their Atom feed, and "Save this search" (signing in first when needed, then coming back). */
export function SearchActions({ filter }: { filter: PostingFilter }) {
  const query = filterToSearchParams(filter).toString();
  return (
    <p className="mb-4 flex items-center justify-end gap-4 text-sm">
      <a href={feedPath(filter)} type="application/atom+xml" className="text-slate-700">
        Atom feed
      </a>
      <a
        href={`/account/searches/new${query ? `?${query}` : ""}`}
        className="rounded border border-brand bg-white px-3 py-1.5 font-semibold text-brand-dark no-underline hover:bg-slate-100"
      >
        Save this search
      </a>
    </p>
  );
}
