import { filterToSearchParams } from "@/lib/search/listing-params";
import type { PostingFilter } from "@/lib/search/schemas";

/** "Save this search": opens the save form for these filters (signing in first when needed, then coming back). */
export function SaveSearchButton({ filter }: { filter: PostingFilter }) {
  const query = filterToSearchParams(filter).toString();
  return (
    <p className="mb-4 flex justify-end">
      <a
        href={`/account/searches/new${query ? `?${query}` : ""}`}
        className="rounded border border-brand bg-white px-3 py-1.5 text-sm font-semibold text-brand-dark no-underline hover:bg-slate-100"
      >
        Save this search
      </a>
    </p>
  );
}
