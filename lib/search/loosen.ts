import type { PostingFilter } from "./schemas";

/** The filters an empty listing offers to take off, each named as the empty state says it ("remove work mode"). */
export const LOOSEN_FIELDS = {
  q: "the search words",
  remote: "work mode",
  location: "country or city",
  eligible: "where you live",
  visa: "visa sponsorship",
  level: "level",
  family: "role family",
  skills: "skills",
  salaryMin: "minimum salary",
  company: "company",
  posted: "posted within",
  source: "board",
} as const satisfies Partial<Record<keyof PostingFilter, string>>;

export type LoosenField = keyof typeof LOOSEN_FIELDS;

/** The filter's fields that could be taken off, in the form's order. */
export function loosenableFields(filter: PostingFilter): LoosenField[] {
  return (Object.keys(LOOSEN_FIELDS) as LoosenField[]).filter((field) => filter[field] !== undefined);
}

/**
 * The filter without one field: "include postings without salary" goes with the minimum it qualifies,
 * and a relevance order with the words it ranks by (without them the listing is newest first).
 */
export function withoutField(filter: PostingFilter, field: LoosenField): PostingFilter {
  const rest: PostingFilter = { ...filter, [field]: undefined };
  if (field === "salaryMin") rest.withoutSalary = undefined;
  if (field === "q" && rest.sort === "relevance") rest.sort = undefined;
  return rest;
}
