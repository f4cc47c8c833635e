import { createHash } from "node:crypto";
import { FILTER_FIELDS, type PostingFilter } from "@/lib/search/schemas";

/**
 * The part of a filter that decides which postings match, in one spelling: sort order dropped,
 * arrays sorted, words lower-cased and single-spaced (full-text search ignores case), defaults left out.
 */
export function canonicalFilter(filter: PostingFilter): PostingFilter {
  const canonical: Record<string, unknown> = {};
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (field === "sort" || value === undefined || value === false) continue;
    if (field === "withoutSalary" && filter.salaryMin === undefined) continue;
    if (Array.isArray(value)) canonical[field] = [...new Set(value as string[])].sort();
    else if (field === "q") canonical[field] = String(value).trim().replace(/\s+/g, " ").toLowerCase();
    else if (field === "location") {
      const location = String(value).trim();
      canonical[field] = /^[A-Za-z]{2}$/.test(location) ? location.toUpperCase() : location.toLowerCase();
    } else canonical[field] = value;
  }
  return canonical as PostingFilter;
}

/** SHA-256 of the canonical filter: saved searches with equal hashes are matched once. */
export function filtersHash(filter: PostingFilter): string {
  return createHash("sha256").update(JSON.stringify(canonicalFilter(filter))).digest("hex");
}
