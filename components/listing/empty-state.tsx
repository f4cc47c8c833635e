import type { ReactNode } from "react";
import { formatCount } from "@/lib/format";
import { clearFiltersHref } from "@/lib/search/active-filters";
import type { Facets } from "@/lib/search/listing";
import { listingPath } from "@/lib/search/listing-params";
import { LOOSEN_FIELDS, loosenableFields, withoutField } from "@/lib/search/loosen";
import type { PostingFilter } from "@/lib/search/schemas";
import { suggestQuery } from "@/lib/search/spelling";

/**
 * No results: the search's words as they were probably meant, if one looks misspelled, and the filters
 * whose removal would find postings, most found first, each a link that removes it.
 */
export function EmptyState({ filter, facets }: { filter: PostingFilter; facets: Pick<Facets, "total" | "loosen"> }) {
  const box = (children: ReactNode) => (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-center" data-testid="empty-state">
      {children}
    </div>
  );
  if (facets.total > 0) return box(<p className="font-semibold">No more postings past this page.</p>);
  if (!loosenableFields(filter).length) {
    return box(
      <>
        <p className="font-semibold">No open postings yet.</p>
        <p className="mt-2 text-sm text-slate-600">The database has no open postings: run a scrape.</p>
      </>,
    );
  }
  const helpful = facets.loosen.filter((option) => option.count > 0).sort((a, b) => b.count - a.count);
  const suggestion = filter.q ? suggestQuery(filter.q) : null;
  return box(
    <>
      <p className="font-semibold">No open postings match these filters.</p>
      {suggestion && (
        <p className="mt-2" data-testid="did-you-mean">
          Did you mean <a href={listingPath({ ...filter, q: suggestion })}>“{suggestion}”</a>?
        </p>
      )}
      {helpful.length > 0 ? (
        <>
          <p className="mt-2 text-sm text-slate-600">Take one off:</p>
          <ul className="mt-2 flex flex-wrap justify-center gap-2 text-sm">
            {helpful.map(({ field, count, capped }) => (
              <li key={field}>
                <a href={listingPath(withoutField(filter, field))} className="inline-block rounded border border-slate-300 px-2 py-1">
                  remove {LOOSEN_FIELDS[field]}: {formatCount(count, capped)} {count === 1 && !capped ? "posting" : "postings"}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">
          Taking off any one of them still finds none. <a href={clearFiltersHref(filter)}>Clear all filters</a>
        </p>
      )}
    </>,
  );
}
