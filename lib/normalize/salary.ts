import {
  CURRENCY_PATTERN,
  currencyMarker,
  resolveCurrency,
  type CurrencyContext,
  type CurrencyMarker,
} from "@/lib/normalize/currency";
import { toUsd } from "@/lib/normalize/exchange-rates";
import { clipLine } from "@/lib/normalize/text-limits";
import type { Salary, SalaryInterval } from "@/lib/normalize/types";
import type { RawPosting } from "@/scrapers/types";

const PERIODS_PER_YEAR: Readonly<Record<SalaryInterval, number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

/** Amounts outside these (in USD per interval) are misreadings, not pay: 75/year, $95k/hour. */
const PLAUSIBLE_USD: Readonly<Record<SalaryInterval, readonly [number, number]>> = {
  hour: [5, 1_500],
  day: [40, 10_000],
  week: [200, 50_000],
  month: [300, 200_000],
  year: [3_000, 3_000_000],
};
/** A year read from magnitude alone (no interval written) must look like a salary, not a fee. */
const INFERRED_YEAR_MIN_USD = 15_000;
/** Wider spreads are two unrelated numbers (leverdemo's 10000-125000), not one range. */
const MAX_RANGE_RATIO = 5;

/**
 * Build a Salary from amounts and a currency, or null when they cannot be pay: unknown currency,
 * no amount, implausible for the interval, or an inverted or absurdly wide range.
 */
function buildSalary(
  min: number | null,
  max: number | null,
  currency: string,
  interval: SalaryInterval,
  options: { inferredInterval?: boolean; text?: string } = {},
): Salary | null {
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  if (min === null && max === null) return null;
  if (min !== null && max !== null && max > min * MAX_RANGE_RATIO) return null;
  const [lowest, highest] = PLAUSIBLE_USD[interval];
  const floor = options.inferredInterval ? INFERRED_YEAR_MIN_USD : lowest;
  for (const amount of [min, max]) {
    if (amount === null) continue;
    const usd = toUsd(amount, currency);
    if (usd === null || usd < floor || usd > highest) return null;
  }
  const annualUsd = (amount: number | null) =>
    amount === null ? null : Math.round((toUsd(amount, currency) ?? 0) * PERIODS_PER_YEAR[interval]);
  return {
    min,
    max,
    currency,
    interval,
    annualUsdMin: annualUsd(min),
    annualUsdMax: annualUsd(max),
    ...(options.text === undefined ? {} : { text: options.text }),
  };
}

/** Lever "per-year-salary", Ashby "1 YEAR", schema.org "HOUR", Recruitee "month", free words. */
export function parseSalaryInterval(value: string): SalaryInterval | null {
  const text = value.toLowerCase();
  if (/hour|hr\b|hourly|stunde/.test(text)) return "hour";
  if (/\bday|daily|tag\b/.test(text)) return "day";
  if (/week|wk\b/.test(text)) return "week";
  if (/month|\bmo\b|monat/.test(text)) return "month";
  if (/year|annum|annual|\byr\b|jahr|\bpa\b/.test(text)) return "year";
  return null;
}

/**
 * Salary from a board's structured fields. 0 means "not given" on some boards (Remote OK).
 * Without an interval, only amounts that clearly look annual are accepted.
 */
export function salaryFromStructured(structured: RawPosting["salary"]): Salary | null {
  if (!structured?.currency) return null;
  const currency = structured.currency.trim().toUpperCase();
  const amount = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value > 0 ? value : null);
  const min = amount(structured.min);
  const max = amount(structured.max);
  const interval = structured.interval ? parseSalaryInterval(structured.interval) : null;
  if (structured.interval && !interval) return null;
  return buildSalary(min, max, currency, interval ?? "year", { inferredInterval: interval === null });
}

// ---------------------------------------------------------------------------------------------
// Free text

const NUMBER =
  String.raw`(?<![\d.,'’])(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:([,.'’ ])\d{3}(?!\d))(?:\N\d{3}(?!\d))*|\d+)(?:[.,]\d{1,2}(?!\d))?`;
const MULTIPLIER = String.raw`(?:\s?(?:thousand|million|lakhs?|lacs?|LPA|lpa|crores?)|mil|mio|Mio|mn|MM|mm|[kKmML]|cr|万|만)(?![A-Za-z])`;
/** "/hr" written on each end of a range: "$25/hr - $35/hr". */
const UNIT_SUFFIX = String.raw`\/\s?(?:hour|hr|h|year|yr|annum|month|mo|day|week|wk)(?![A-Za-z])`;
// "a", "à", "tot" as words between amounts ("R$ 18.000 a R$ 25.000", "€ 55.000 tot € 70.000"); "and" in
// other languages only after "between" ("entre 40 000 et 50 000 €"): "€90k e 2 anni" is one amount.
const AFTER_BETWEEN = String.raw`(?<=\b(?:between|entre|zwischen|mellan|mellom|tussen|od)\s+\S+(?:\s+\S+){0,4}\s)`;
const RANGE_WORD = String.raw`(?:-|~|to|and|bis|till|until|through|(?<=\s)(?:a|à|tot)(?=\s)|${AFTER_BETWEEN}(?:et|und|y|e|och|og|en|do)(?=\s))`;

function amountPattern(index: number): string {
  // Each amount gets its own group names; the number's separator is backreferenced within it.
  const number = NUMBER.replace("([,.'’ ])", `(?<sep${index}>[,.'’ ])`).replace("\\N", `\\k<sep${index}>`);
  return (
    `(?:(?<pre${index}>${CURRENCY_PATTERN})\\s?)?(?<num${index}>${number})(?:\\s?(?<mul${index}>${MULTIPLIER}))?` +
    `(?<plus${index}>\\+)?(?:\\s?(?<post${index}>${CURRENCY_PATTERN}))?(?:\\s?(?<unit${index}>${UNIT_SUFFIX}))?`
  );
}

const AMOUNT_RANGE = new RegExp(`${amountPattern(1)}(?:\\s*${RANGE_WORD}\\s*${amountPattern(2)})?`, "g");
const ANY_CURRENCY = new RegExp(CURRENCY_PATTERN, "g");

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  mio: 1e6,
  million: 1e6,
  l: 1e5,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  lpa: 1e5,
  cr: 1e7,
  crore: 1e7,
  crores: 1e7,
  // Japanese and Korean count in ten-thousands: "600万円", "5,000만원".
  万: 1e4,
  만: 1e4,
};
/** Indian units: meaningless next to any other currency. */
const INDIAN_UNITS = new Set(["l", "lakh", "lakhs", "lac", "lacs", "lpa", "cr", "crore", "crores"]);

/** "150.000" and "150,000" are thousands; "31,2" and "211.4" are decimals; "40,00,000" is Indian grouping. */
function parseNumber(text: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = decimal ? text.slice(0, decimal.index) : text;
  const digits = whole.replace(/[,.'’ ]/g, "");
  return Number(digits) + (decimal?.[1] ? Number(`0.${decimal[1]}`) : 0);
}

const INTERVAL_WORDS: readonly (readonly [SalaryInterval, RegExp])[] = [
  ["hour", /\b(?:per|an|a|each)\s+hour\b|\/\s*(?:hr|hour|h|std)\b|\bhourly\b|\bp\/?h\b|\bper\s+hr\b|\bpro\s+stunde\b|\bpar\s+heure\b|\bstundenlohn\b/i],
  ["day", /\b(?:per|a|each)\s+day\b|\/\s*(?:day|d|tag)\b|\bdaily\b|\bday[- ]rate\b|\bp\/d\b|\bpro\s+tag\b|\bpar\s+jour\b|\btagessatz\b/i],
  ["week", /\b(?:per|a|each)\s+week\b|\/\s*(?:wk|week|w)\b|\bweekly\b/i],
  ["month", /\b(?:per|a|each)\s+month\b|\/\s*(?:mo|mon|month|mth|m|monat|mes|mês|mois|mnd|mån|md|mies|mc|月)(?![a-z])|\bmonthly\b|\bper\s+mo\b|\bpro\s+monat\b|\bmonatlich\b|\bmtl\.?(?![a-z])|\bpar\s+mois\b|\b(?:al|por)\s+m[eê]s(?![a-z])|\bmensual(?:es)?\b|\bmensais\b|\bper\s+m[aå]ned\b|\bper\s+m[aå]nad\b|\bi\s+m[aå]naden\b|\bper\s+maand\b|\bmaandelijks\b|\bmensuel(?:le)?\b|\bmiesięcznie\b|\bmensile\b|月給|月収|月薪/i],
  ["year", /\b(?:per|a|an|each)\s+(?:year|annum|anum|yr)\b|\/\s*(?:y|yr|yrs|year|annum|a|jahr|an|año|ano|år|rok|年)(?![a-z])|\bannual(?:ly)?\b|\byearly\b|\bp\.\s?a\.?|\bpa\b|\bpro\s+jahr\b|\bim\s+jahr\b|\bjährlich(?![a-z])|\bpar\s+an\b|\bannuel(?:le)?\b|\b(?:al|por)\s+a[nñ]o(?![a-z])|\banual(?:es|mente)?\b|\bper\s+år(?![a-z])|\bper\s+jaar\b|\bjaarlijks\b|\brocznie\b|\bannuo\b|\bLPA\b|年収|年薪/i],
];

/** Words that make a nearby amount something other than base pay. */
const NOT_PAY =
  /\b(?:bonus(?:es)?|sign(?:ing|[- ]on)|stipend|equity|rsus?|stock|options?|commission|relocation|allowance|budget|reimburs\w*|referral|per\s+diem|raised|rais(?:e|ing)|funding|funded|revenue|arr|valuation|series\s+[a-f]|seed|grant|tuition|credits?|prize|bounty|investment|investors?)\b/i;
const MAX_ONLY = /(?:\bup\s*to|\bupto|\bmax(?:imum)?\.?(?:\s+of)?|\bbis\s+zu|\bjusqu'?\s?à|\bhasta|\bno\s+more\s+than|\bas\s+much\s+as)\s*$/i;
const MIN_ONLY = /(?:\bfrom|\bstarting\s+(?:at|from)|\bstarts\s+at|\bat\s+least|\bmin(?:imum)?\.?(?:\s+of)?|\bab|\bà\s+partir\s+de|\bdesde|\bno\s+less\s+than)\s*$/i;
const OR_MORE = /^\s*(?:or\s+(?:more|higher|above)|and\s+(?:up|above|over)|minimum|min\.?(?![a-z]))(?![a-z])/i;
const OR_LESS = /^\s*(?:or\s+less|max(?:imum)?\.?|at\s+most)(?![a-z])/i;
const BASE = /\bbase\b/i;

interface Candidate {
  min: number | null;
  max: number | null;
  currency: string;
  interval: SalaryInterval | null;
  base: boolean;
}

/** The clause after an amount, up to the next amount or sentence end. */
function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 48);
  const stop = rest.search(/[.;!?|\n](?:\s|$)|[\n|•·$€£₹¥]|\d/);
  return stop === -1 ? rest : rest.slice(0, stop);
}

/** The clause before an amount, back to the previous amount or sentence end. */
function clauseBefore(text: string, start: number): string {
  const head = text.slice(Math.max(0, start - 48), start);
  const cut = Math.max(...[...head.matchAll(/[.;!?|\n](?:\s|$)|[\n•·]|\d/g)].map((m) => m.index + m[0].length), 0);
  return head.slice(cut);
}

/**
 * The few words that qualify an amount ("$30k signing bonus"), up to "+", "," or "and", so the
 * bonus in "$150k base + $30k bonus" never disqualifies the base.
 */
function nearAfter(clause: string): string {
  const head = clause.split(/\+|,|\(|\band\b|\bplus\b|\bwith\b/i)[0] ?? "";
  return head.trim().split(/\s+/).slice(0, 3).join(" ");
}
function nearBefore(clause: string): string {
  return clause.split(/\+|,|\)|\band\b|\bplus\b|\bwith\b/i).at(-1) ?? "";
}

function intervalIn(text: string): SalaryInterval | null {
  let found: { interval: SalaryInterval; index: number } | null = null;
  for (const [interval, pattern] of INTERVAL_WORDS) {
    const match = pattern.exec(text);
    if (match && (!found || match.index < found.index)) found = { interval, index: match.index };
  }
  return found?.interval ?? null;
}

function markersIn(texts: readonly (string | undefined)[]): CurrencyMarker[] {
  return texts.flatMap((text) => {
    const marker = text ? currencyMarker(text) : null;
    return marker ? [marker] : [];
  });
}

/** Markers written on the amounts, else in the clause before them ("Salary (EUR): 80.000"). */
function markersOf(groups: Record<string, string | undefined>, before: string): CurrencyMarker[] {
  const own = markersIn([groups.pre1, groups.post1, groups.pre2, groups.post2]);
  return own.length ? own : markersIn([...before.matchAll(ANY_CURRENCY)].map((match) => match[0]));
}

const DOLLAR_CODES = new Set(["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"]);
const FAMILY_CODES: Readonly<Record<string, ReadonlySet<string>>> = {
  dollar: DOLLAR_CODES,
  krone: new Set(["SEK", "NOK", "DKK", "ISK"]),
  yen: new Set(["JPY", "CNY"]),
};

/** One currency from the markers around an amount; null when they disagree or say nothing. */
function currencyOf(markers: readonly CurrencyMarker[], indian: boolean, text: string, context: CurrencyContext): string | null {
  const codes = new Set(markers.flatMap((marker) => ("code" in marker ? [marker.code] : [])));
  const families = new Set(markers.flatMap((marker) => ("family" in marker ? [marker.family] : [])));
  if (codes.size > 1 || families.size > 1) return null;
  const [code] = codes;
  const [family] = families;
  if (code) return family && !FAMILY_CODES[family]?.has(code) ? null : code;
  if (family) return resolveCurrency({ family }, text, context);
  return indian ? "INR" : null;
}

function candidateFrom(match: RegExpExecArray, text: string, context: CurrencyContext): Candidate | null {
  const groups = match.groups ?? {};
  const multiplierOf = (name: string) => groups[name]?.trim().toLowerCase();
  let firstMultiplier = multiplierOf("mul1");
  let secondMultiplier = multiplierOf("mul2");
  const first = parseNumber(groups.num1 ?? "");
  const second = groups.num2 === undefined ? null : parseNumber(groups.num2);
  // "180-240K" and "$100k-150": a unit written once belongs to both ends.
  if (second !== null && !firstMultiplier && secondMultiplier && first < 1000 && first <= second) firstMultiplier = secondMultiplier;
  if (second !== null && firstMultiplier && !secondMultiplier && second < 1000) secondMultiplier = firstMultiplier;
  const units = [firstMultiplier, secondMultiplier].filter((unit): unit is string => unit !== undefined);
  const indian = units.some((unit) => INDIAN_UNITS.has(unit));
  const start = match.index;
  const end = start + match[0].length;
  const after = clauseAfter(text, end);
  const before = clauseBefore(text, start);
  const currency = currencyOf(markersOf(groups, before), indian, text, context);
  if (!currency || (indian && currency !== "INR")) return null;

  const scale = (value: number, unit: string | undefined) => value * (unit ? (MULTIPLIERS[unit] ?? 1) : 1);
  const low = scale(first, firstMultiplier);
  const high = second === null ? null : scale(second, secondMultiplier);
  // "$20k+ signing bonus" is not pay, and "$150k+ equity" cannot be told from it: both give nothing.
  const qualifier = nearAfter(after);
  if (NOT_PAY.test(qualifier) || NOT_PAY.test(nearBefore(before))) return null;

  const interval = units.includes("lpa")
    ? "year"
    : (intervalIn(groups.unit1 ?? groups.unit2 ?? "") ?? intervalIn(after) ?? intervalIn(before));
  const base = BASE.test(qualifier) || BASE.test(before);
  if (high !== null) return { min: low, max: high, currency, interval, base };
  if (MAX_ONLY.test(before) || OR_LESS.test(text.slice(end))) return { min: null, max: low, currency, interval, base };
  // "200k+" is a floor.
  const orMore = groups.plus1 !== undefined || OR_MORE.test(text.slice(end));
  if (MIN_ONLY.test(before) || orMore) return { min: low, max: null, currency, interval, base };
  return { min: low, max: low, currency, interval, base };
}

function normalizeSalaryText(text: string): string {
  return (
    text
      .normalize("NFKC")
      .replace(/[‐‑‒–—―−]/g, "-")
      // The Japanese wave dash joins ranges ("800万円〜1200万円"); NFKC leaves it as it is.
      .replace(/〜/g, "~")
      // "pr. måned" (Danish, Norwegian) is "per": its full stop would end the amount's clause.
      .replace(/\bpr\.\s/gi, "per ")
      // Contract codes are not amounts: "net (B2B) per month".
      .replace(/\b[A-Z]\d[A-Z]\b/g, " ")
      // Retirement plans and percentages are never pay amounts.
      .replace(/\b40[13]\s?\(?[kb]\)?/gi, " ")
      .replace(/\d+(?:[.,]\d+)?\s*%?\s*(?:-|to)\s*\d+(?:[.,]\d+)?\s*%|\d+(?:[.,]\d+)?\s*%/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Pay read from free text ("$180,000 – $240,000", "€90k–110k", "₹40 LPA", "$95/hr"), or null when
 * the text is ambiguous: no currency, a bare small number without an interval, equity, bonuses,
 * retirement plans. A single figure gives min = max; "up to" gives max only; "200k+" min only.
 */
export function parseSalary(fullText: string, context: CurrencyContext = {}): Salary | null {
  const text = clipLine(fullText);
  const normalized = normalizeSalaryText(text);
  if (!/\d/.test(normalized)) return null;
  const candidates: Candidate[] = [];
  for (const match of normalized.matchAll(AMOUNT_RANGE)) {
    const candidate = candidateFrom(match, normalized, context);
    if (candidate) candidates.push(candidate);
  }
  const ordered = [...candidates.filter((c) => c.base), ...candidates.filter((c) => !c.base)];
  for (const candidate of ordered) {
    const salary = buildSalary(candidate.min, candidate.max, candidate.currency, candidate.interval ?? "year", {
      inferredInterval: candidate.interval === null,
      text: text.trim(),
    });
    if (salary) return salary;
  }
  return null;
}

const PAY_WORDS =
  /\b(?:salary|salaries|pay|paid|compensation|wage|rate|range|remuneration|OTE|earnings|base|gehalt|vergütung|ctc|package|stipendio|salario|salaire|rémunération)\b/i;
const HAS_AMOUNT = /[$€£₹¥₩₪₺円元원]|\b[A-Z]{3}\b|\bkr\b|zł|\bRs\b|\d\s?(?:k|K|LPA)\b/;

/** A short line naming pay ("United States Salary Range") heads the figures on the next line. */
const MAX_HEADING_LENGTH = 80;

/**
 * Pay from a posting's description: only a sentence that names pay (or sits under a short pay
 * heading) and states a range ("The base salary range for this role is $180,000 - $240,000"),
 * never a stray figure.
 */
export function salaryFromDescription(text: string, context: CurrencyContext = {}): Salary | null {
  let previousLine = "";
  for (const line of text.split("\n")) {
    const heading = previousLine;
    previousLine = line;
    if (!/\d/.test(line) || !HAS_AMOUNT.test(line)) continue;
    const underPayHeading = heading.length <= MAX_HEADING_LENGTH && PAY_WORDS.test(heading);
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      if (sentence.length > 400 || !/\d/.test(sentence) || !HAS_AMOUNT.test(sentence)) continue;
      if (!underPayHeading && !PAY_WORDS.test(sentence)) continue;
      const salary = parseSalary(sentence, context);
      if (salary && salary.min !== null && salary.max !== null && salary.min !== salary.max) return salary;
    }
  }
  return null;
}
