import type { ListingSort } from "@/lib/search/query-builder";
import { SORT_LABELS } from "@/lib/search/labels";
import { listingPath } from "@/lib/search/listing-params";
import { SORT_OPTIONS, type PostingFilter } from "@/lib/search/schemas";

/**
 * The sort orders as plain links beside the total: on phones the form and its "Sort by" come after
 * the results. Relevance is offered only with words; the default order leaves `sort` out of the link.
 */
export function SortLinks({ filter, sort }: { filter: PostingFilter; sort: ListingSort }) {
  const fallback: ListingSort = filter.q ? "relevance" : "newest";
  const options = SORT_OPTIONS.filter((option) => option !== "relevance" || filter.q);
  return (
    <nav aria-label="Sort order" className="flex items-baseline gap-2 text-slate-600" data-testid="sort-links">
      <span>Sort:</span>
      <ul className="flex gap-2">
        {options.map((option) => (
          <li key={option}>
            {option === sort ? (
              <span aria-current="true" className="font-semibold text-slate-900">
                {SORT_LABELS[option]}
              </span>
            ) : (
              <a href={listingPath({ ...filter, sort: option === fallback ? undefined : option })}>{SORT_LABELS[option]}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
