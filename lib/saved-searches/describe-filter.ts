import { countryName } from "@/lib/normalize/gazetteer";
import { LEVEL_LABELS, placeName, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";
import type { PostingFilter } from "@/lib/search/schemas";

/** A short human name for a filter ("Staff · Remote · PyTorch"), offered as the saved search's default name. */
export function describeFilter(filter: PostingFilter): string {
  const parts = [
    filter.q ? `“${filter.q}”` : null,
    filter.level?.map((l) => LEVEL_LABELS[l] ?? l).join("/"),
    filter.remote?.map((r) => REMOTE_LABELS[r] ?? r).join("/"),
    filter.location ? placeName(filter.location) : null,
    filter.eligible ? `open to ${countryName(filter.eligible)}` : null,
    filter.visa ? "sponsors visas" : null,
    filter.skills?.map(skillLabel).join(", "),
    filter.salaryMin !== undefined ? `≥ $${Math.round(filter.salaryMin / 1000)}K` : null,
    filter.company?.join(", "),
  ].filter((part): part is string => Boolean(part));
  return (parts.join(" · ") || "All senior ML engineering roles").slice(0, 100);
}
