import { groupByRole } from "@/lib/search/posting-groups";

/** A digest shows at most this many roles… */
export const DIGEST_SIZE = 10;
/** …and at most this many from one company, so one big hiring round does not fill it. */
export const PER_COMPANY = 3;

export interface DigestCandidate {
  id: number;
  title: string;
  companyName: string;
  fitScore: number;
  sortAt: Date;
}

export interface Digest<T> {
  /** Roles, best first: the postings of one company and title (one per city, say), best first. */
  shown: T[][];
  /** Roles among the matches (a role listed once per city counts once). */
  roles: number;
  /** Roles not shown ("and N more"). */
  more: number;
}

/**
 * Best matches first (fit score, then newest), the postings of one role (company and title) as one
 * entry, at most PER_COMPANY roles per company and DIGEST_SIZE in all.
 */
export function pickDigest<T extends DigestCandidate>(candidates: readonly T[]): Digest<T> {
  const ranked = [...candidates].sort(
    (a, b) => b.fitScore - a.fitScore || b.sortAt.getTime() - a.sortAt.getTime() || b.id - a.id,
  );
  const roles = groupByRole(ranked, (candidate) => candidate.companyName);
  const perCompany = new Map<string, number>();
  const shown: T[][] = [];
  for (const role of roles) {
    if (shown.length === DIGEST_SIZE) break;
    const company = role[0]!.companyName.toLowerCase();
    const count = perCompany.get(company) ?? 0;
    if (count >= PER_COMPANY) continue;
    perCompany.set(company, count + 1);
    shown.push(role);
  }
  return { shown, roles: roles.length, more: roles.length - shown.length };
}
