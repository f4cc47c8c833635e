import { normalizeTitle } from "@/lib/normalize/title";
import type { Level } from "@/lib/normalize/types";

export interface LevelEvidence {
  level: Level;
  source: "title" | "description" | "none";
  /** The words that said it ("Staff", "L5", "8+ years of experience"), quoted in reasons. */
  phrase: string | null;
}

/** Levels the site targets: senior and up, technical leads included. */
export const TARGET_LEVELS: ReadonlySet<Level> = new Set<Level>(["senior", "staff", "principal", "lead"]);

export const BELOW_TARGET_LEVELS: ReadonlySet<Level> = new Set<Level>(["intern", "junior", "mid"]);

interface TitleLevelRule {
  level: Level;
  /** Higher wins when a title says several things ("Senior Staff", "Senior Manager", "Mid/Senior"). */
  rank: number;
  pattern: RegExp;
}

// Company ladders: Google-style L3..L8, Meta-style E3..E8, IC1..IC6 (Apple's ICT too).
const LADDER_LEVEL: Record<string, Level> = {
  l3: "junior", l4: "mid", l5: "senior", l6: "staff", l7: "staff", l8: "principal", l9: "principal", l10: "principal",
  e3: "junior", e4: "mid", e5: "senior", e6: "staff", e7: "staff", e8: "principal", e9: "principal",
  ic1: "junior", ic2: "junior", ic3: "mid", ic4: "senior", ic5: "staff", ic6: "principal", ic7: "principal",
};

// "Engineer II", "SDE III", "Scientist 2": I junior, II mid, III senior, IV staff, V principal.
const NUMBERED_LEVEL: Record<string, Level> = {
  i: "junior", "1": "junior", ii: "mid", "2": "mid", iii: "senior", "3": "senior",
  iv: "staff", "4": "staff", v: "principal", "5": "principal",
};

const RANK: Record<Level, number> = {
  unknown: 0, junior: 1, mid: 2, senior: 3, lead: 4, staff: 5, principal: 6, director: 8, intern: 9,
};

/** A people manager outranks every individual-contributor word beside it ("Principal Engineering Manager"), a director outranks them. */
const MANAGER_RANK = 7;

// Words before "manager" that name an individual-contributor job, not a people manager.
const IC_MANAGER_JOBS =
  "product|program|programme|project|account|accounts|customer success|success|partner|partnerships?|community|marketing|content|brand|events?|communications|social media|office|payroll|contracts?|relationship|territory|category|campaign|release|deployment|media|case|vendor|facilities|policy|operations|growth|channel|key account|enablement|portfolio|risk|compliance|privacy|tax|benefits|mobility|licensing|localization|quality|support|solutions|transaction|pricing|revenue|demand generation|lifecycle|affiliate|sourcing|procurement|supply|inventory|store|restaurant|retention|experience|creative|design|research program";

const TITLE_RULES: readonly TitleLevelRule[] = [
  { level: "intern", rank: RANK.intern, pattern: /\b(?:interns?|internships?|co ?op|working student|apprentice(?:ship)?|trainee|summer student)\b/ },
  { level: "junior", rank: RANK.junior, pattern: /\b(?:junior|entry level|new grad(?:uate)?s?|graduate|early career|university grad(?:uate)?|residen(?:t|cy)|fellow(?:ship)?)\b/ },
  { level: "junior", rank: RANK.junior, pattern: /^associate\b(?! (?:director|principal|vice president|general counsel|partner|head))/ },
  { level: "mid", rank: RANK.mid, pattern: /\b(?:mid|mid level)\b(?! (?:market|size|sized|career))/ },
  { level: "senior", rank: RANK.senior, pattern: /\b(?:senior|experienced)\b/ },
  { level: "lead", rank: RANK.lead, pattern: /\b(?:tech(?:nical)? lead|team lead(?:er)?|lead|leader|tl)\b(?! gen(?:eration)?\b)/ },
  { level: "staff", rank: RANK.staff, pattern: /(?<!technical |member of |medical |nursing |support |chief of )\bstaff\b(?! (?:accountant|nurse|writer|attorney|auditor|pharmacist|physician))/ },
  { level: "principal", rank: RANK.principal, pattern: /\b(?:principal|distinguished|technical fellow|senior fellow)\b/ },
  { level: "lead", rank: MANAGER_RANK, pattern: new RegExp(`\\b(?:engineering|research|science|team|general|senior|sr|group|software|development|machine learning|ai|technical|tech lead) manager\\b|^manager\\b|(?<!(?:\\b(?:${IC_MANAGER_JOBS})) )\\bmanager\\b`) },
  { level: "director", rank: RANK.director, pattern: /\b(?:director|head of|vice president|svp|evp|chief [a-z]+ officer|cto|cio|ciso|cso|cdo)\b|^head\b|\bhead,/ },
];

const LADDER = /\b(l(?:[3-9]|10)|e[3-9]|ict?[1-7])\b/;
const NUMBERED =
  /\b(?:engineer|developer|scientist|analyst|researcher|architect|programmer|sde|swe|specialist|consultant|designer|associate|level|mts|member of technical staff)\s*-?\s*(iv|v|i{1,3}|[1-5])\b(?!\s*(?:\+|years|yrs|d\b))/;

const capitalize = (words: string): string =>
  words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase()).replace(/\b(?:Sde|Swe|Mts|Tl|Tlm|Cto|Svp|Evp)\b/g, (acronym) => acronym.toUpperCase());

/** Level stated in a title, or null when it says nothing about level. */
export function levelFromTitle(title: string): { level: Level; phrase: string } | null {
  const { text } = normalizeTitle(title);
  let best: { level: Level; rank: number; phrase: string } | null = null;
  const consider = (level: Level, rank: number, phrase: string) => {
    if (!best || rank > best.rank) best = { level, rank, phrase };
  };

  for (const rule of TITLE_RULES) {
    const match = rule.pattern.exec(text);
    if (match) consider(rule.level, rule.rank, capitalize(match[0].replace(/[,\s-]+$/, "")));
  }
  const ladder = LADDER.exec(text);
  const ladderLevel = ladder?.[1] ? LADDER_LEVEL[ladder[1].replace("ict", "ic")] : undefined;
  if (ladder?.[1] && ladderLevel) consider(ladderLevel, RANK[ladderLevel], ladder[1].toUpperCase());
  const numbered = NUMBERED.exec(text);
  const numberedLevel = numbered?.[1] ? NUMBERED_LEVEL[numbered[1]] : undefined;
  if (numbered && numberedLevel) consider(numberedLevel, RANK[numberedLevel], capitalize(numbered[0]).replace(/\b(i{1,3}|iv|v)$/i, (roman) => roman.toUpperCase()));

  const found = best as { level: Level; phrase: string } | null;
  return found ? { level: found.level, phrase: found.phrase } : null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
};

const NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen)";

// Found by the word "years" first, then read backwards: a handful of places per posting instead of every offset.
const YEAR_WORD = /\b(?:years?|yrs?)\b/gi;

// What may stand before "years": "8+", "5-7", "5 to 7", "at least 6", "minimum of 10", "five or more", "over 10".
const BEFORE_YEAR_WORD = new RegExp(
  `(?:\\b(at least|minimum(?: of)?|min\\.?|over|more than)\\s+)?\\b${NUMBER}\\s*(\\+)?\\s*(?:(?:-|–|to)\\s*\\d{1,2}\\s*\\+?\\s*|(or more)\\s+)?$`,
  "i",
);

const EXPERIENCE_AFTER = /^[^.;\n]{0,60}\bexperience/i;

// Years that describe the company, a vesting schedule or a time span, not the candidate.
const NOT_A_REQUIREMENT_BEFORE = /\b(?:over the (?:past|last|next)|in the (?:past|last|next)|for the (?:past|last)|founded|for over|for more than|vest(?:s|ing|ed)?(?: over)?|within|after|first|next|up to)\s*$/i;
const NOT_A_REQUIREMENT_AFTER = /^[^.;\n]{0,30}\b(?:in business|of (?:history|growth|operations?|operating)|old|ago|history|vesting|cliff|contract|warranty)\b/i;

function yearsToLevel(years: number): Level {
  if (years <= 1) return "junior";
  if (years <= 4) return "mid";
  if (years <= 9) return "senior";
  if (years <= 14) return "staff";
  return "principal";
}

const parseNumber = (word: string): number => NUMBER_WORDS[word.toLowerCase()] ?? Number.parseInt(word, 10);

/**
 * The largest years-of-experience requirement in a description, with the words that said it:
 * "8+ years", "5-7 years", "at least 6 years", "five or more years" count on their own; a bare
 * "3 years" or "over 10 years" only when "experience" follows.
 */
export function yearsOfExperience(description: string): { years: number; phrase: string } | null {
  let best: { years: number; phrase: string } | null = null;
  for (const yearWord of description.matchAll(YEAR_WORD)) {
    const end = yearWord.index + yearWord[0].length;
    const before = BEFORE_YEAR_WORD.exec(description.slice(Math.max(0, yearWord.index - 40), yearWord.index));
    const [, qualifier, number, plus, orMore] = before ?? [];
    if (!before || !number) continue;
    const start = yearWord.index - before[0].length;
    const explicit = plus !== undefined || orMore !== undefined || /-|–|\bto\b/.test(before[0]) || (qualifier !== undefined && !/^(?:over|more than)$/i.test(qualifier));
    if (!explicit && !EXPERIENCE_AFTER.test(description.slice(end, end + 80))) continue;
    if (NOT_A_REQUIREMENT_BEFORE.test(description.slice(Math.max(0, start - 25), start))) continue;
    if (NOT_A_REQUIREMENT_AFTER.test(description.slice(end, end + 40))) continue;
    const years = parseNumber(number);
    if (!Number.isFinite(years) || years > 25) continue;
    if (!best || years > best.years) best = { years, phrase: `${before[0]}${yearWord[0]}`.replace(/\s+/g, " ").trim() };
  }
  return best;
}

// "We're looking for a Senior ML Engineer", "As a Staff Engineer you will", "this is an entry-level role".
const STATED_LEVEL =
  /\b(?:hiring|looking for|seeking|searching for|recruiting|join (?:us|our team) as|as an?|this is an?|role is an?|position is an?)\s+(?:an?\s+)?(senior|staff|principal|lead|junior|entry[- ]level|mid[- ]level|new grad(?:uate)?)\b/i;
const STATED_LEVEL_MAP: Record<string, Level> = {
  senior: "senior", staff: "staff", principal: "principal", lead: "lead", junior: "junior",
  "entry-level": "junior", "entry level": "junior", "mid-level": "mid", "mid level": "mid", "new grad": "junior", "new graduate": "junior",
};
// Only statements about this posting: many senior postings mention the company's internship programme.
const INTERNSHIP =
  /\b(?:this (?:is an? )?(?:(?:\d{1,2}[- ](?:week|month)|full[- ]time|paid|summer|fall|spring|winter) )*internship|\d{1,2}[- ](?:week|month) (?:(?:paid|summer|fall|spring|winter) )*internship|during (?:your|the|this) internship|as an intern)\b/i;
const TECH_LEAD = /\b(?:as (?:the|a|our) (?:tech(?:nical)?|team) lead|serve as (?:the |a )?(?:tech(?:nical)?|team) lead)\b/i;
const LEADERSHIP =
  /\b(?:you(?:'|’)?ll lead|you will lead|lead (?:a|the) (?:team|design|development|technical)|technical leadership|mentor(?:ing)? (?:junior |other )?engineers|drive (?:the )?technical direction|set (?:the )?technical direction)\b/i;

/** Level evidence in a description: a stated level, years of experience, or leading others. */
export function levelFromDescription(description: string): { level: Level; phrase: string } | null {
  const stated = STATED_LEVEL.exec(description);
  const statedLevel = stated?.[1] ? STATED_LEVEL_MAP[stated[1].toLowerCase().replace(/\s+/g, " ")] : undefined;
  if (stated && statedLevel) return { level: statedLevel, phrase: stated[0].trim() };
  const internship = INTERNSHIP.exec(description);
  if (internship) return { level: "intern", phrase: internship[0] };
  const techLead = TECH_LEAD.exec(description);
  if (techLead) return { level: "lead", phrase: techLead[0] };
  const years = yearsOfExperience(description);
  if (years) return { level: yearsToLevel(years.years), phrase: `${years.phrase} of experience`.replace(/ of experience of experience$/, " of experience") };
  const leadership = LEADERSHIP.exec(description);
  if (leadership) return { level: "senior", phrase: leadership[0] };
  return null;
}

/** Seniority of a posting: the title decides when it says anything, the description otherwise. */
export function parseLevel(input: { title: string; description?: string | null }): LevelEvidence {
  const fromTitle = levelFromTitle(input.title);
  if (fromTitle) return { level: fromTitle.level, source: "title", phrase: fromTitle.phrase };
  const fromDescription = input.description ? levelFromDescription(input.description) : null;
  if (fromDescription) return { level: fromDescription.level, source: "description", phrase: fromDescription.phrase };
  return { level: "unknown", source: "none", phrase: null };
}
