import { activeFilters, clearFiltersHref } from "@/lib/search/active-filters";
import type { FacetValue } from "@/lib/search/listing";
import type { PostingFilter } from "@/lib/search/schemas";

/** What the results are filtered by, above them (on phones the form is below), each value a plain link that removes it. */
export function ActiveFilters({ filter, companies }: { filter: PostingFilter; companies: FacetValue[] }) {
  const names = new Map(companies.map((c) => [c.value, c.label ?? c.value]));
  const active = activeFilters(filter, names);
  if (!active.length) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters">
      <span className="text-slate-600" id="active-filters-label">
        Filtered by
      </span>
      <ul className="flex flex-wrap gap-2" aria-labelledby="active-filters-label">
        {active.map((item) => (
          <li key={item.href + item.label}>
            <a
              href={item.href}
              className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2.5 py-0.5 text-slate-800 no-underline hover:border-slate-500"
            >
              {item.label}
              <span aria-hidden="true" className="text-slate-500">
                ×
              </span>
              <span className="sr-only">(remove)</span>
            </a>
          </li>
        ))}
      </ul>
      {active.length > 1 && (
        <a href={clearFiltersHref(filter)} className="text-slate-600">
          Clear all
        </a>
      )}
    </div>
  );
}
