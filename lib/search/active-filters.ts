import { countryName } from "@/lib/normalize/gazetteer";
import { FAMILY_LABELS, LEVEL_LABELS, placeName, POSTED_LABELS, REMOTE_LABELS, SOURCE_LABELS, skillLabel } from "./labels";
import { listingPath } from "./listing-params";
import { withoutField } from "./loosen";
import { ARRAY_FIELDS, type PostingFilter } from "./schemas";

export interface ActiveFilter {
  /** What the filter keeps, in words ("Remote", "“vllm”", "≥ $180K a year"). */
  label: string;
  /** The listing without this one value (the first page: a cursor belongs to the old result set). */
  href: string;
}

type ArrayField = (typeof ARRAY_FIELDS)[number];

const VALUE_LABELS: Record<ArrayField, (value: string, companyNames: ReadonlyMap<string, string>) => string> = {
  remote: (v) => REMOTE_LABELS[v] ?? v,
  level: (v) => LEVEL_LABELS[v] ?? v,
  family: (v) => FAMILY_LABELS[v] ?? v,
  skills: (v) => skillLabel(v),
  company: (v, names) => names.get(v) ?? v,
  source: (v) => SOURCE_LABELS[v] ?? v,
};

/**
 * Each value the listing is filtered by, with a link to the listing without it: one per value of a
 * repeated parameter (so "Remote" and "Hybrid" come off separately), in the filter form's order.
 * The sort order is not a filter and stays. `companyNames` maps slugs to names where known.
 */
export function activeFilters(filter: PostingFilter, companyNames: ReadonlyMap<string, string> = new Map()): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  const without = (label: string, rest: PostingFilter) => out.push({ label, href: listingPath(rest) });

  if (filter.q) without(`“${filter.q}”`, withoutField(filter, "q"));
  for (const field of ["remote", "level", "family"] as const) pushValues(field);
  if (filter.adjacent) without("Adjacent roles included", { ...filter, adjacent: undefined });
  if (filter.location) without(`In ${placeName(filter.location)}`, withoutField(filter, "location"));
  if (filter.eligible) without(`Open to ${countryName(filter.eligible)}`, withoutField(filter, "eligible"));
  if (filter.visa) without("Sponsors visas", withoutField(filter, "visa"));
  if (filter.salaryMin !== undefined) {
    const amount = `≥ $${(filter.salaryMin / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })}K a year`;
    without(filter.withoutSalary ? `${amount} or not stated` : amount, withoutField(filter, "salaryMin"));
  }
  for (const field of ["skills", "company"] as const) pushValues(field);
  if (filter.posted) without(POSTED_LABELS[filter.posted] ?? filter.posted, withoutField(filter, "posted"));
  pushValues("source");
  return out;

  function pushValues(field: ArrayField) {
    const values = filter[field] as readonly string[] | undefined;
    for (const value of values ?? []) {
      const rest = values!.filter((v) => v !== value);
      without(VALUE_LABELS[field](value, companyNames), { ...filter, [field]: rest.length ? rest : undefined });
    }
  }
}

/** The listing with no filters, keeping a salary order (relevance needs words; newest is the default). */
export function clearFiltersHref(filter: PostingFilter): string {
  return listingPath(filter.sort === "salary" ? { sort: "salary" } : {});
}
