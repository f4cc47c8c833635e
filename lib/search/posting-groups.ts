import type { ListingItem } from "./listing";

/** Company and title, ignoring case and spacing: the same role as a board lists it once per location. */
function roleKey(company: string, title: string): string {
  const normal = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  return `${normal(company)}\u0000${normal(title)}`;
}

/**
 * A listing's postings as cards, in listing order: neighbouring postings of the same role (a company
 * listing one opening per city) share one. Only neighbours are joined, so the sort order stands.
 */
export function groupPostings(items: readonly ListingItem[]): ListingItem[][] {
  const groups: ListingItem[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && roleKey(last[0]!.companySlug, last[0]!.title) === roleKey(item.companySlug, item.title)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * Every posting of one role together, in the order of each role's first posting: for a list shown
 * whole (an alert's postings, its email's digest), where no pagination order must stand.
 */
export function groupByRole<T extends { title: string }>(items: readonly T[], company: (item: T) => string): T[][] {
  const roles = new Map<string, T[]>();
  for (const item of items) {
    const key = roleKey(company(item), item.title);
    const role = roles.get(key);
    if (role) role.push(item);
    else roles.set(key, [item]);
  }
  return [...roles.values()];
}

/** The annual USD range across a group's postings (each may state a different range per city). */
export function salaryRangeUsd(postings: readonly { salaryMinUsd: number | null; salaryMaxUsd: number | null }[]): { min: number | null; max: number | null } {
  const amounts = postings.flatMap((p) => [p.salaryMinUsd, p.salaryMaxUsd]).filter((n): n is number => n !== null);
  return amounts.length ? { min: Math.min(...amounts), max: Math.max(...amounts) } : { min: null, max: null };
}
