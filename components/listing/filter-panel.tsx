import Link from "next/link";
import type { Facets, FacetValue } from "@/lib/search/listing";
import { FAMILY_LABELS, LEVEL_LABELS, placeFieldValue, POSTED_LABELS, REMOTE_LABELS, SORT_LABELS, SOURCE_LABELS, skillLabel } from "@/lib/search/labels";
import { FAMILY_OPTIONS, LEVEL_OPTIONS, POSTED_OPTIONS, REMOTE_OPTIONS, SORT_OPTIONS, type PostingFilter } from "@/lib/search/schemas";
import { formatCount, formatCountOf } from "@/lib/format";

function countOf(values: FacetValue[], value: string): number {
  return values.find((v) => v.value === value)?.count ?? 0;
}

function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: readonly string[];
  labels: (value: string) => string;
  selected: readonly string[] | undefined;
  counts: FacetValue[];
}) {
  return (
    <fieldset className="mt-4">
      <legend className="field-label">{props.legend}</legend>
      <ul className="mt-1 space-y-1">
        {props.options.map((option) => {
          const id = `${props.name}-${option}`;
          return (
            <li key={option} className="facet">
              <input
                id={id}
                type="checkbox"
                name={props.name}
                value={option}
                defaultChecked={props.selected?.includes(option) ?? false}
                className="facet-box"
              />
              <label htmlFor={id} className="flex-1">
                {props.labels(option)}
              </label>
              <span className="facet-count" aria-label={formatCountOf(countOf(props.counts, option), "posting", "postings")}>
                {countOf(props.counts, option)}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The filters as a plain GET form: works without JavaScript, every state is a URL. */
export function FilterPanel({ filter, facets }: { filter: PostingFilter; facets: Facets }) {
  const skillOptions = [...new Set([...(filter.skills ?? []), ...facets.skills.map((s) => s.value)])];
  const companyOptions = [...new Set([...(filter.company ?? []), ...facets.company.map((c) => c.value)])];
  const companyLabel = (slug: string) => facets.company.find((c) => c.value === slug)?.label ?? slug;
  const sourceOptions = [...new Set([...(filter.source ?? []), ...facets.source.map((s) => s.value)])];
  return (
    <form method="get" action="/" className="rounded-lg border border-slate-200 bg-white p-4" aria-label="Filters">
      <label htmlFor="q" className="field-label">
        Search
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={filter.q ?? ""}
        placeholder="vLLM, ranking, CUDA…"
        className="field"
      />
      <CheckboxGroup legend="Work mode" name="remote" options={REMOTE_OPTIONS} labels={(v) => REMOTE_LABELS[v] ?? v} selected={filter.remote} counts={facets.remote} />
      <CheckboxGroup legend="Level" name="level" options={LEVEL_OPTIONS} labels={(v) => LEVEL_LABELS[v] ?? v} selected={filter.level} counts={facets.level} />
      <CheckboxGroup legend="Role family" name="family" options={FAMILY_OPTIONS} labels={(v) => FAMILY_LABELS[v] ?? v} selected={filter.family} counts={facets.family} />
      <div className="mt-2 flex items-center gap-2 text-sm">
        <input id="adjacent" type="checkbox" name="adjacent" value="1" defaultChecked={filter.adjacent ?? false} className="h-4 w-4" />
        <label htmlFor="adjacent">Include adjacent roles</label>
      </div>

      <div className="mt-4 grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="location" className="field-label">
            Country or city
          </label>
          <input id="location" name="location" defaultValue={filter.location ? placeFieldValue(filter.location) : ""} placeholder="US, Berlin" className="field" />
        </div>
        <div>
          <label htmlFor="eligible" className="field-label">
            I live in
          </label>
          <input id="eligible" name="eligible" defaultValue={filter.eligible ? placeFieldValue(filter.eligible) : ""} placeholder="DE, UK" className="field" />
        </div>
      </div>
      <div className="facet mt-2">
        <input id="visa" type="checkbox" name="visa" value="1" defaultChecked={filter.visa ?? false} className="facet-box" />
        <label htmlFor="visa" className="flex-1">
          Sponsors visas
        </label>
        <span className="facet-count" aria-label={formatCountOf(facets.visa, "posting", "postings")}>
          {facets.visa}
        </span>
      </div>

      <label htmlFor="salaryMin" className="field-label mt-4 block">
        Minimum salary (USD a year)
      </label>
      {/* Text rather than a number field, whose step refused 185000: the schema reads 180000, 180k or $180,000. */}
      <input id="salaryMin" name="salaryMin" type="text" inputMode="numeric" autoComplete="off" defaultValue={filter.salaryMin ?? ""} placeholder="180k" className="field" />
      <div className="mt-1 flex items-center gap-2 text-sm">
        <input id="withoutSalary" type="checkbox" name="withoutSalary" value="1" defaultChecked={filter.withoutSalary ?? false} className="h-4 w-4" />
        <label htmlFor="withoutSalary">Include postings without salary</label>
      </div>

      {skillOptions.length > 0 && (
        <CheckboxGroup legend="Skills" name="skills" options={skillOptions} labels={skillLabel} selected={filter.skills} counts={facets.skills} />
      )}
      {companyOptions.length > 0 && (
        <CheckboxGroup legend="Company" name="company" options={companyOptions} labels={companyLabel} selected={filter.company} counts={facets.company} />
      )}
      {sourceOptions.length > 0 && (
        <CheckboxGroup legend="Board" name="source" options={sourceOptions} labels={(v) => SOURCE_LABELS[v] ?? v} selected={filter.source} counts={facets.source} />
      )}

      <div className="mt-4 grid grid-cols-2 gap-2 md:grid-cols-1">
        <div>
          <label htmlFor="posted" className="field-label">
            Posted
          </label>
          <select id="posted" name="posted" defaultValue={filter.posted ?? ""} className="field">
            <option value="">Any time</option>
            {POSTED_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {POSTED_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="field-label">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={filter.sort ?? ""} className="field">
            <option value="">Best for the query</option>
            {SORT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {SORT_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-5 flex items-center gap-3">
        <button type="submit" className="rounded bg-brand-dark px-4 py-2 text-sm font-semibold text-white hover:bg-brand">
          Apply filters
        </button>
        <Link prefetch={false} href="/" className="text-sm">
          Clear all
        </Link>
      </div>
      <p className="mt-3 text-xs text-slate-600">
        Counts are for the current results{facets.capped ? ` (first ${formatCount(facets.total)})` : ""}.
      </p>
    </form>
  );
}
