/** A digest shows at most this many postings… */
export const DIGEST_SIZE = 10;
/** …and at most this many from one company, so one big hiring round does not fill it. */
export const PER_COMPANY = 3;

export interface DigestCandidate {
  id: number;
  companyName: string;
  fitScore: number;
  sortAt: Date;
}

export interface Digest<T> {
  shown: T[];
  /** Matches not shown ("and N more"). */
  more: number;
}

/** Best matches first (fit score, then newest), at most PER_COMPANY per company, at most DIGEST_SIZE in all. */
export function pickDigest<T extends DigestCandidate>(candidates: readonly T[]): Digest<T> {
  const ranked = [...candidates].sort(
    (a, b) => b.fitScore - a.fitScore || b.sortAt.getTime() - a.sortAt.getTime() || b.id - a.id,
  );
  const perCompany = new Map<string, number>();
  const shown: T[] = [];
  for (const candidate of ranked) {
    if (shown.length === DIGEST_SIZE) break;
    const company = candidate.companyName.toLowerCase();
    const count = perCompany.get(company) ?? 0;
    if (count >= PER_COMPANY) continue;
    perCompany.set(company, count + 1);
    shown.push(candidate);
  }
  return { shown, more: candidates.length - shown.length };
}
