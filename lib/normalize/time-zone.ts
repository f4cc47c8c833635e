/**
 * Time-zone requirements in location text ("UTC-5 to UTC+1", "US time zones", "CET ±3h",
 * "within 2 hours of EST"), as a span of UTC offsets in minutes. Standard (winter) offsets.
 */

export interface OffsetRange {
  min: number;
  max: number;
}

/** Capital abbreviations only: "PT" or "ET" alone are too often a country or a word. */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  HST: -600,
  AKST: -540,
  PST: -480,
  PDT: -480,
  MST: -420,
  MDT: -420,
  CST: -360,
  CDT: -360,
  EST: -300,
  EDT: -300,
  BRT: -180,
  ART: -180,
  GMT: 0,
  UTC: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  CEST: 60,
  EET: 120,
  EEST: 120,
  MSK: 180,
  GST: 240,
  IST: 330,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 600,
  NZST: 720,
  NZDT: 720,
};
const SHORT_US: Readonly<Record<string, number>> = { PT: -480, MT: -420, CT: -360, ET: -300 };
const NAMED: readonly (readonly [RegExp, number])[] = [
  [/\bpacific(?:\s+standard)?\s+time\b/i, -480],
  [/\bmountain(?:\s+standard)?\s+time\b/i, -420],
  [/\bcentral(?:\s+standard)?\s+time\b/i, -360],
  [/\beastern(?:\s+standard)?\s+time\b/i, -300],
  [/\bcentral\s+european\s+time\b/i, 60],
];

/** "US time zones", "European timezones", "US/EU time zones". */
const ZONE_GROUPS: readonly (readonly [RegExp, OffsetRange])[] = [
  [/^(?:us|usa|u\.s\.|american|north\s+american?|na|est\/pst|pst\/est)$/i, { min: -480, max: -300 }],
  [/^(?:americas?|north\s+and\s+south\s+american?)$/i, { min: -480, max: -180 }],
  [/^(?:latam|latin\s+american?|south\s+american?)$/i, { min: -360, max: -180 }],
  [/^(?:eu|europe|european|emea)$/i, { min: 0, max: 120 }],
  [/^(?:apac|asia|asian|asia[- ]pacific)$/i, { min: 330, max: 600 }],
  [/^(?:uk|british)$/i, { min: 0, max: 0 }],
  [/^central\s+european$/i, { min: 60, max: 60 }],
  [/^eastern$/i, { min: -300, max: -300 }],
  [/^central$/i, { min: -360, max: -360 }],
  [/^mountain$/i, { min: -420, max: -420 }],
  [/^pacific$/i, { min: -480, max: -480 }],
];
const ZONE_WORD = String.raw`(?:u\.s\.|central\s+european|north\s+american?|latin\s+american?|south\s+american?|asia[- ]pacific|[a-z]+)`;
const ZONE_PHRASE = new RegExp(String.raw`\b(${ZONE_WORD}(?:\s*(?:\/|,|&|and|or)\s*${ZONE_WORD})*)\s+time[- ]?zones?\b`, "gi");

const OFFSET = String.raw`([+-])\s*(\d{1,2})(?::?(\d{2}))?`;
const MENTION = new RegExp(
  String.raw`\b(?:UTC|GMT)\s*${OFFSET}|\b(${Object.keys(ABBREVIATIONS).join("|")})\b|\b(PT|MT|CT|ET)\b(?=\s*(?:time|hours|zone|tz|\/|-|to\b))`,
  "g",
);
const RANGE_TAIL = new RegExp(String.raw`^\s*(?:to|-|and|through|until|\/|~)\s*(?:(?:UTC|GMT)\s*)?${OFFSET}`, "i");
const SPREAD_AFTER = /^\s*(?:±|\+\/-|\+-|plus\s+or\s+minus)\s*(\d{1,2})(?:\s*(?:h|hrs?|hours?)\b)?/i;
const SPREAD_BEFORE = /within\s*(?:±|\+\/-)?\s*(\d{1,2})\s*(?:h|hrs?|hours?)\s*(?:of|from)\s*$/i;

/** Real offsets run from UTC-12:00 to UTC+14:00. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

/** Minutes east of UTC, or null for what no time zone is ("GMT+99", "UTC+5:75"). */
function offsetMinutes(sign: string, hours: string, minutes: string | undefined): number | null {
  if (Number(minutes ?? 0) >= 60) return null;
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  const offset = sign === "-" ? -value : value;
  return offset >= MIN_OFFSET && offset <= MAX_OFFSET ? offset : null;
}

function widen(range: OffsetRange | null, next: OffsetRange): OffsetRange {
  return range ? { min: Math.min(range.min, next.min), max: Math.max(range.max, next.max) } : next;
}

export interface TimeZoneReading {
  range: OffsetRange | null;
  /** The text with every time-zone phrase blanked out, for the place parser. */
  rest: string;
}

export function readTimeZones(text: string): TimeZoneReading {
  let range: OffsetRange | null = null;
  const spans: [number, number][] = [];

  for (const match of text.matchAll(ZONE_PHRASE)) {
    const zones = (match[1] ?? "").split(/\s*(?:\/|,|&|\band\b|\bor\b)\s*/i);
    const known = zones.map((zone) => ZONE_GROUPS.find(([pattern]) => pattern.test(zone.trim()))?.[1]);
    if (!known.length || known.some((zone) => !zone)) continue;
    for (const zone of known) if (zone) range = widen(range, zone);
    spans.push([match.index, match.index + match[0].length]);
  }

  for (const [pattern, offset] of NAMED) {
    const match = pattern.exec(text);
    if (!match) continue;
    range = widen(range, { min: offset, max: offset });
    spans.push([match.index, match.index + match[0].length]);
  }

  for (const match of text.matchAll(MENTION)) {
    const [, sign, hours, minutes, abbreviation, shortUs] = match;
    let offset: number;
    if (sign && hours) {
      const minutesEast = offsetMinutes(sign, hours, minutes);
      if (minutesEast === null) continue;
      offset = minutesEast;
    } else if (abbreviation) offset = ABBREVIATIONS[abbreviation] ?? 0;
    else offset = SHORT_US[shortUs ?? ""] ?? 0;
    let start = match.index;
    let end = start + match[0].length;
    let mention: OffsetRange = { min: offset, max: offset };

    const tail = RANGE_TAIL.exec(text.slice(end));
    const other = tail && sign && tail[1] && tail[2] ? offsetMinutes(tail[1], tail[2], tail[3]) : null;
    if (tail && other !== null) {
      mention = { min: Math.min(offset, other), max: Math.max(offset, other) };
      end += tail[0].length;
    }
    const spreadAfter = SPREAD_AFTER.exec(text.slice(end));
    const spreadBefore = SPREAD_BEFORE.exec(text.slice(0, start));
    const spread = spreadAfter?.[1] ?? spreadBefore?.[1];
    if (spread) {
      mention = { min: mention.min - Number(spread) * 60, max: mention.max + Number(spread) * 60 };
      if (spreadAfter) end += spreadAfter[0].length;
      if (spreadBefore) start -= spreadBefore[0].length;
    }
    range = widen(range, mention);
    spans.push([start, end]);
  }

  // A spread ("UTC+13 ± 3h") may reach past the real offsets; both ends stay within them.
  const clamp = (offset: number) => Math.min(MAX_OFFSET, Math.max(MIN_OFFSET, offset));
  if (range) range = { min: clamp(range.min), max: clamp(range.max) };
  return { range, rest: blankOut(text, spans) };
}

/** Replace spans (possibly overlapping) with a separator, so "Remote EU/CET" leaves "Remote EU/ , ". */
function blankOut(text: string, spans: [number, number][]): string {
  let rest = "";
  let cursor = 0;
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    if (end <= cursor) continue;
    rest += `${text.slice(cursor, Math.max(cursor, start))} , `;
    cursor = end;
  }
  return rest + text.slice(cursor);
}
