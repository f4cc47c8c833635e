import { filterToSearchParams } from "@/lib/search/listing-params";
import { FILTER_FIELDS, type PostingFilter } from "@/lib/search/schemas";

const FIELD_NAMES: Partial<Record<keyof PostingFilter, string>> = {
  q: "the search words",
  remote: "work mode",
  location: "country or city",
  eligible: "where you live",
  level: "level",
  family: "role family",
  skills: "skills",
  salaryMin: "minimum salary",
  company: "company",
  posted: "posted within",
  source: "board",
};

/** No results: offer each active filter as a link that removes it. */
export function EmptyState({ filter }: { filter: PostingFilter }) {
  const loosen = FILTER_FIELDS.filter((field) => FIELD_NAMES[field] && filter[field] !== undefined);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-center" data-testid="empty-state">
      <p className="font-semibold">No open postings match these filters.</p>
      {loosen.length > 0 ? (
        <>
          <p className="mt-2 text-sm text-slate-600">Try loosening one:</p>
          <ul className="mt-2 flex flex-wrap justify-center gap-2 text-sm">
            {loosen.map((field) => {
              const rest: PostingFilter = { ...filter, [field]: undefined };
              if (field === "salaryMin") rest.withoutSalary = undefined;
              const query = filterToSearchParams(rest).toString();
              return (
                <li key={field}>
                  <a href={query ? `/?${query}` : "/"} className="rounded border border-slate-300 px-2 py-1">
                    remove {FIELD_NAMES[field]}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">The database has no open postings yet: run a scrape.</p>
      )}
    </div>
  );
}
