/** What a posting says about sponsoring a work visa, and the words it says it in. */
export interface VisaSponsorship {
  sponsors: boolean;
  /** The sentence it was read from (about 80 characters either side of "sponsor"), for the posting page. */
  evidence: string;
}

// A sentence, list item or header field ("Remote | Full-time | Visa sponsorship"): one claim each.
const CLAUSES = /(?<=[.!?])\s+|[\n;|•]+/;
const SPONSOR = /\bsponsor(?:s|ed|ing|ship)?\b/i;
// "sponsor" alone also means an event sponsor or a client: it must be about a visa or the right to work.
const ABOUT_WORK = /\bvisas?\b|\bh-?1b\b|\bwork (?:authori[sz]ation|permits?)\b|\b(?:authori[sz]ed|eligible|right) to work\b|\bimmigration\b|\bgreen cards?\b|\bknowledge[- ]migrant\b|\bwe (?:can |will |do )?sponsor\b/i;
// "Sponsorship" on its own in a posting means a visa's, unless the sentence is about selling or events.
const OTHER_SPONSORSHIP = /\b(?:sell|sales|market|marketing|events?|conferences?|brands?|partners?|partnerships?|advertis\w*|hackathons?|meetups?)\b/i;
// Negation before the word ("no visa sponsorship", "unable to offer sponsorship", "without sponsorship")
// or after it ("sponsorship is not available", "Sponsorship: Not at this time").
const NEGATED_BEFORE = /\b(?:no|not|unable|cannot|can ?not|can't|won't|don't|doesn't|do not|does not|will not|without|never|nor)\b[^.]{0,60}$/i;
const NEGATED_AFTER = /^\W{0,3}(?:is |are |will be )?(?:not|no|none|unavailable|n\/a)\b/i;

/** The clause around its "sponsor": a run-on line of a forum post can be a whole paragraph. */
function quote(clause: string, at: number): string {
  const start = Math.max(0, clause.lastIndexOf(" ", Math.max(0, at - 80)) + 1);
  const endSpace = clause.indexOf(" ", at + 80);
  const end = endSpace === -1 ? clause.length : endSpace;
  return `${start > 0 ? "…" : ""}${clause.slice(start, end)}${end < clause.length ? "…" : ""}`;
}

/**
 * Whether a posting offers visa sponsorship: true ("Visa sponsorship and relocation support", "we
 * sponsor"), false ("must be authorized to work in the US without sponsorship"), or null when it does
 * not say or says both (one country's visas but not another's): a wrong "yes" wastes an application.
 */
export function visaSponsorship(text: string): VisaSponsorship | null {
  let offered: string | null = null;
  let refused: string | null = null;
  for (const raw of text.split(CLAUSES)) {
    const clause = raw.trim();
    const match = SPONSOR.exec(clause);
    if (!match || !(ABOUT_WORK.test(clause) || (/^sponsorship$/i.test(match[0]) && !OTHER_SPONSORSHIP.test(clause)))) continue;
    const before = clause.slice(0, match.index);
    const after = clause.slice(match.index + match[0].length);
    if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after)) refused ??= quote(clause, match.index);
    else offered ??= quote(clause, match.index);
  }
  if (offered && refused) return null;
  if (offered) return { sponsors: true, evidence: offered };
  if (refused) return { sponsors: false, evidence: refused };
  return null;
}
