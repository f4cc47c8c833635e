/** Where a search term was found in a posting, most telling first. */
export type TermPlace = "title" | "skills" | "company" | "description";

export interface TermMatch {
  term: string;
  /** Null when the posting matched without it (one side of an "or"). */
  in: TermPlace | null;
}

/** At most this many terms are explained on a card. */
const MAX_TERMS = 5;

/**
 * The terms of a web-search query a posting may match, as the person typed them: quoted phrases whole,
 * words otherwise; excluded ones (`-word`, `-"a phrase"`) and the `or` operator left out.
 */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  for (const match of q.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const [, minus, phrase, word] = match;
    if (minus || word?.startsWith("-")) continue;
    const term = (phrase ?? word ?? "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, "").trim();
    if (!term || term.toLowerCase() === "or" || terms.some((t) => t.toLowerCase() === term.toLowerCase())) continue;
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

const PLACES: Record<TermPlace, string> = { title: "the title", skills: "the skills", company: "the company name", description: "the description" };

/** "“vllm” and “triton” in the title; “kubernetes” in the skills", or null when no term was placed. */
export function describeTermMatches(matches: readonly TermMatch[] | undefined): string | null {
  const parts: string[] = [];
  for (const place of Object.keys(PLACES) as TermPlace[]) {
    const terms = (matches ?? []).filter((m) => m.in === place).map((m) => `“${m.term}”`);
    if (!terms.length) continue;
    const listed = terms.length === 1 ? terms[0] : `${terms.slice(0, -1).join(", ")} and ${terms.at(-1)}`;
    parts.push(`${listed} in ${PLACES[place]}`);
  }
  return parts.length ? parts.join("; ") : null;
}
