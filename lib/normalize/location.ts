import { CJK_CHAR, HAS_CJK } from "@/lib/normalize/cjk";
import { lookupPlace, subdivisionIn, type LookupOptions, type PlaceMatch } from "@/lib/normalize/gazetteer";
import type { CityRow } from "@/lib/normalize/geo-data";
import { isRegionCode } from "@/lib/normalize/remote-regions";
import { clipLine } from "@/lib/normalize/text-limits";
import { readTimeZones, type OffsetRange } from "@/lib/normalize/time-zone";
import type { LocationInfo, PlaceLocation, RemoteType } from "@/lib/normalize/types";

export { eligibleFrom } from "@/lib/normalize/remote-regions";

type Mode = Exclude<RemoteType, "unknown">;

const NOT_REMOTE = /\b(?:no|not|non)[- ]?remote\b|\bremote\s+(?:is\s+)?not\s+(?:possible|available|allowed|an\s+option)\b/gi;
const PART_REMOTE = /\bpart(?:ly|ially)?[- ]remote\b|\bremote\s+(?:days?|optional)\b/gi;
const REMOTE =
  /\b(?:fully[- ]|100%\s*)?remote(?:[- ](?:friendly|first|ok|possible|eligible|only|job|position|role))?\b|\bremoto\b|\bwfh\b|\bwork(?:ing)?\s+from\s+home\b|\bhome[- ]?(?:office|based)\b|\btele(?:commut|work)\w*\b|\btélétravail\b|\bteletrabajo\b|\bdistributed\b|\bvirtual\b|\banywhere\s+in\b(?!\s+the\s+world)/gi;
const HYBRID = /\bhybrid\b|\bhíbrido\b|\bhybride\b/gi;
const ON_SITE = /\bon[- ]?site\b|\bin[- ](?:office|person)\b|\boffice[- ]based\b|\bon[- ]premises?\b|\bpresencial\b|\bvor[- ]ort\b/gi;
const TRAVEL = /\btravel[- ]required\b|\b(?:some\s+)?travel\b/gi;

/** Words that carry no place in a location string ("Remote within the US only"). */
const FILLER = new Set(
  (
    "only based preferred friendly first within from in of the and or eligible must be located location locations " +
    "multiple various several office offices hq headquarters area region metro greater candidate candidates resident " +
    "residents applicant applicants citizen citizens required requirement possible considered also ok okay flexible " +
    "countries country any all select some time zone zones timezone timezones with hours hour overlap at least eg etc " +
    "tbd na position role job jobs opportunity work working days day week per a to for is are other open across " +
    "state states city cities near around available preferably ideally strongly plus home online unspecified " +
    "undisclosed unknown specified not"
  ).split(" "),
);

interface Item {
  text: string;
  match: PlaceMatch | null;
}

interface Building {
  raw: string[];
  city?: string;
  variants: CityRow[];
  region?: string;
  /** A state written after the city, not the gazetteer's default for it. */
  regionExplicit: boolean;
  country?: string;
  countryExplicit: boolean;
}

interface SegmentReading {
  modes: Set<Mode>;
  places: PlaceLocation[];
  /** Region codes and countries named without a city: who may apply when the segment is remote. */
  named: string[];
  hasCity: boolean;
  /** Words that were neither places, cues nor filler. */
  unknown: number;
  recognized: number;
}

/** Japanese, Chinese and Korean place and work-mode words → the English the gazetteer knows; a city's ward or district after it goes with it. */
const CJK_PLACES: ReadonlyArray<readonly [RegExp, string]> = [
  ...(
    [
      ["東京", "Tokyo"], ["大阪", "Osaka"], ["京都", "Kyoto"], ["横浜", "Yokohama"], ["名古屋", "Nagoya"], ["福岡", "Fukuoka"],
      ["札幌", "Sapporo"], ["北京", "Beijing"], ["上海", "Shanghai"], ["深圳", "Shenzhen"], ["杭州", "Hangzhou"], ["广州|廣州", "Guangzhou"],
      ["香港", "Hong Kong"], ["台北", "Taipei"], ["新加坡|シンガポール", "Singapore"], ["서울", "Seoul"], ["부산", "Busan"],
      ["성남|판교", "Seongnam"],
    ] as const
  ).map(([names, city]) => [new RegExp(`(?:${names})${CJK_CHAR}*`, "gu"), ` ${city} `] as const),
  [/日本/g, " Japan "], [/中国|中國/g, " China "], [/韓国|韩国|한국|대한민국/g, " South Korea "], [/台湾|台灣/g, " Taiwan "],
  [/フルリモート|リモート|在宅勤務|远程|遠端|원격|재택/g, " remote "],
  [/ハイブリッド|混合办公|하이브리드/g, " hybrid "],
  [/[、，]/g, ", "],
];

function cleanLocationText(text: string): string {
  let cleaned = text.normalize("NFKC");
  if (HAS_CJK.test(cleaned)) for (const [pattern, replacement] of CJK_PLACES) cleaned = cleaned.replace(pattern, replacement);
  return cleaned
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/-(based|only|friendly|first|eligible)\b/gi, " $1")
    .replace(/\s+/g, " ")
    .trim();
}

function takeModes(segment: string): { modes: Set<Mode>; rest: string } {
  const modes = new Set<Mode>();
  let rest = segment;
  const take = (pattern: RegExp, mode: Mode | null) => {
    rest = rest.replace(pattern, () => {
      if (mode) modes.add(mode);
      return " , ";
    });
  };
  take(NOT_REMOTE, "onsite");
  take(PART_REMOTE, "hybrid");
  take(REMOTE, "remote");
  take(HYBRID, "hybrid");
  take(ON_SITE, "onsite");
  take(TRAVEL, null);
  return { modes, rest };
}

function wordsOf(part: string): string[] {
  return part
    .split(/\s+/)
    .map((word) => word.replace(/^[-*"'“”‘’.:]+|[-*"'“”‘’:]+$/g, ""))
    .filter(Boolean);
}

/** Longest known phrase first, so "New York City" wins over "New York" and "Bay Area" over "Area". */
function itemsOf(part: string, options: LookupOptions): { items: Item[]; unknown: number } {
  const words = wordsOf(part);
  const items: Item[] = [];
  let unknownRun: string[] = [];
  let unknown = 0;
  const flushUnknown = () => {
    if (unknownRun.length) items.push({ text: unknownRun.join(" "), match: null });
    unknown += unknownRun.length;
    unknownRun = [];
  };
  for (let start = 0; start < words.length; ) {
    let matched = false;
    for (let end = Math.min(words.length, start + 5); end > start; end--) {
      const phrase = words.slice(start, end).join(" ");
      const match = lookupPlace(phrase, options);
      if (match) {
        flushUnknown();
        items.push({ text: phrase, match });
        start = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = words[start] ?? "";
    if (FILLER.has(word.toLowerCase()) || /\d/.test(word) || !/\p{L}/u.test(word)) flushUnknown();
    else unknownRun.push(word);
    start++;
  }
  flushUnknown();
  return { items, unknown };
}

function hasPlace(match: PlaceMatch | null): boolean {
  return Boolean(match && (match.cities.length || match.subdivisions.length || match.countries.length));
}

function looksLikePlaceName(text: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(text);
}

/** Attach a state or country to the place being built ("San Francisco" + "CA"); false if it starts a new place. */
function attach(current: Building, match: PlaceMatch): boolean {
  const variantCountries = new Set(current.variants.map((variant) => variant.country));
  const setCountry = (country: string) => {
    const variant = current.variants.find((row) => row.country === country);
    if (variant) {
      current.city = variant.name;
      if (!current.regionExplicit) current.region = variant.region;
    } else if (current.region && current.country !== country) current.region = subdivisionIn(current.region, country)?.code;
    current.country = country;
    current.countryExplicit = true;
    return true;
  };
  // "Hamburg, DE" is Germany, "Wilmington, DE" Delaware: a known city's own country wins over a state.
  const ownCountry = match.countries.find((code) => variantCountries.has(code) || code === current.country);
  if (!current.countryExplicit && ownCountry && (current.variants.length || !current.city)) return setCountry(ownCountry);
  if (current.city && !current.regionExplicit && match.subdivisions.length) {
    const subdivision =
      match.subdivisions.find((row) => variantCountries.has(row.country)) ??
      match.subdivisions.find((row) => row.country === "US") ??
      (current.variants.length ? undefined : match.subdivisions[0]);
    if (subdivision) {
      current.region = subdivision.code;
      current.regionExplicit = true;
      current.country = subdivision.country;
      const variant = current.variants.find((row) => row.country === subdivision.country);
      if (variant) current.city = variant.name;
      return true;
    }
  }
  if (!current.countryExplicit && match.countries.length) {
    const country =
      (current.city && !current.regionExplicit ? match.countries[0] : undefined) ??
      match.countries.find((code) => current.region && subdivisionIn(current.region, code));
    if (country) return setCountry(country);
  }
  return false;
}

function startPlace(item: Item): Building | null {
  const match = item.match;
  if (!match) return null;
  const city = match.cities[0];
  if (city) {
    return { raw: [item.text], city: city.name, variants: match.cities, region: city.region, regionExplicit: false, country: city.country, countryExplicit: false };
  }
  // A name that is both ("Georgia") reads as the US state, far the likelier on these boards; a
  // Georgian city before it ("Tbilisi, Georgia") makes it the country in attach().
  const usState = match.subdivisions.find((row) => row.country === "US");
  const country = match.countries[0];
  if (country && !usState) return { raw: [item.text], variants: [], country, regionExplicit: false, countryExplicit: true };
  const subdivision = usState ?? match.subdivisions[0];
  if (subdivision) {
    return { raw: [item.text], variants: [], region: subdivision.code, regionExplicit: true, country: subdivision.country, countryExplicit: false };
  }
  return null;
}

function toPlace(building: Building): PlaceLocation {
  return {
    raw: building.raw.join(", "),
    ...(building.city ? { city: building.city } : {}),
    ...(building.region ? { region: building.region } : {}),
    ...(building.country ? { country: building.country } : {}),
  };
}

/** Read one segment ("Remote (US only)", "San Francisco, CA", "SF, NYC, SEA") into places and cues. */
function readSegment(segment: string, options: LookupOptions & { lone?: boolean } = {}): SegmentReading {
  const { modes, rest } = takeModes(segment);
  const parts = rest.split(/\s*(?:,|\(|\)|\[|\]|:|\s-\s|^-|-$)\s*/).filter((part) => part.trim());
  const items: Item[] = [];
  let unknown = 0;
  for (const part of parts) {
    const read = itemsOf(part, options);
    items.push(...read.items);
    unknown += read.unknown;
  }

  const buildings: Building[] = [];
  const named: string[] = [];
  let current: Building | null = null;
  items.forEach((item, index) => {
    const match = item.match;
    if (match && !hasPlace(match)) {
      named.push(...match.regions);
      current = null;
      return;
    }
    if (match && current && attach(current, match)) {
      current.raw.push(item.text);
      if (!current.city) named.push(current.country ?? "");
      return;
    }
    const next = items[index + 1];
    const nextAttaches = Boolean(next?.match && (next.match.subdivisions.length || next.match.countries.length));
    if (!match) {
      // "Munich, Bavaria, Germany": a name we do not know between a city and its country is a region.
      if (current?.city && !current.countryExplicit && nextAttaches) return;
      const loneName = options.lone && items.length === 1 && parts.length === 1;
      if ((nextAttaches || loneName) && looksLikePlaceName(item.text)) {
        current = { raw: [item.text], city: item.text, variants: [], regionExplicit: false, countryExplicit: false };
        buildings.push(current);
        unknown -= item.text.split(" ").length;
      } else current = null;
      return;
    }
    current = startPlace(item);
    if (!current) return;
    buildings.push(current);
    if (!current.city && current.country) named.push(current.country);
  });

  const places = buildings.map(toPlace);
  if (places.length === 1 && places[0]) places[0] = { ...places[0], raw: segment.trim() };
  return {
    modes,
    places,
    named: [...new Set(named.filter(Boolean))],
    hasCity: buildings.some((building) => building.city),
    unknown,
    recognized: items.filter((item) => item.match).length + modes.size,
  };
}

/** Between locations: "London, UK; Remote, US". */
const LOCATION_SEPARATOR = /\s*(?:;|\||\n|•)\s*/;
/** Between alternatives of one location: "Remote within Canada + USA", "US-Based / Remote". */
const ALTERNATIVE_SEPARATOR = /\s*(?:\/|\+|&|\bor\b|\band\b)\s*/i;

interface StringReading {
  /** Segments per location; alternatives of one location share a remote cue. */
  groups: SegmentReading[][];
  range: OffsetRange | null;
}

/** "Remote (EMEA/APAC)" is one segment: separators inside brackets only list places. */
function flattenBrackets(text: string): string {
  return text.replace(/\(([^()]*)\)/g, (_, inner: string) => `(${inner.replace(/[;|/•+&]|\bor\b|\band\b/gi, ",")})`);
}

/** Boards repeat the same few location strings thousands of times; readings are never mutated. */
const READINGS = new Map<string, StringReading>();
const MAX_CACHED_READINGS = 20_000;

function readLocationString(fullText: string, options: LookupOptions = {}): StringReading {
  const text = clipLine(fullText);
  const key = `${options.codes === false ? "t" : "c"}${text}`;
  const cached = READINGS.get(key);
  if (cached) return cached;
  if (READINGS.size >= MAX_CACHED_READINGS) READINGS.clear();
  const reading = readLocationStringUncached(text, options);
  READINGS.set(key, reading);
  return reading;
}

function readLocationStringUncached(text: string, options: LookupOptions): StringReading {
  // Time zones first: "UTC+1" must not be split at its "+".
  const { range, rest } = readTimeZones(cleanLocationText(text));
  const pieces = flattenBrackets(rest)
    .split(LOCATION_SEPARATOR)
    .map((location) => location.split(ALTERNATIVE_SEPARATOR).filter((piece) => /\p{L}/u.test(piece)));
  const lone = pieces.flat().length === 1;
  const groups = pieces.map((alternatives) => alternatives.map((piece) => readSegment(piece, { ...options, lone })));
  const places = groups.flat().flatMap((segment) => segment.places);
  // One place from the whole string: its raw text is the string as the board wrote it.
  if (places.length === 1 && places[0]) places[0].raw = text.trim();
  return { groups, range };
}

/**
 * True when a phrase is only places and work-mode words: "Remote", "London, UK", "(Remote - US)".
 * Dedup uses it to drop location suffixes from titles, so it ignores ambiguous codes like "ML".
 */
export function isLocationPhrase(text: string): boolean {
  const { groups, range } = readLocationString(text, { codes: false });
  const segments = groups.flat();
  const recognized = segments.reduce((sum, segment) => sum + segment.recognized, 0) + (range ? 1 : 0);
  return recognized > 0 && segments.every((segment) => segment.unknown === 0);
}

/** Clear statements in a description; a bare "remote" elsewhere in the text proves nothing. */
const TEXT_ON_SITE = [
  /\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:(?:fully|100%|entirely)\s+)?(?:on[- ]?site|in[- ]office|in[- ]person)\b/i,
  /\b(?:5|five)\s+days\s+(?:a|per|each)\s+week\s+(?:in|at)\s+(?:the\s+|our\s+)?office\b/i,
  /\b(?:this|the)\s+(?:role|position|job)\s+is\s+not\s+(?:a\s+)?remote\b/i,
];
const TEXT_HYBRID = [
  /\bhybrid\b[^.\n]{0,60}?\b[1-4](?:\s*-\s*[1-4])?\s*(?:days?|x)\b/i,
  /\b[1-4](?:\s*-\s*[1-4])?\s+days?\s+(?:a|per|each|\/)\s*week\s+(?:in|at|from)\s+(?:the\s+|our\s+)?(?:office|hq|studio)\b/i,
  /\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:a\s+)?hybrid\b/i,
  /\b(?:this\s+is\s+a\s+)hybrid\s+(?:role|position|job)\b/i,
];
const TEXT_REMOTE = [
  /\b(?:this|the)\s+(?:role|position|job|opportunity)\s+is\s+(?:a\s+)?(?:(?:fully|100%|completely|entirely)\s+)?remote\b/i,
  /\b(?:fully|100%|completely|entirely)\s+remote\s+(?:role|position|job|opportunity)\b/i,
  /\bthis\s+is\s+a\s+remote\s+(?:role|position|job|opportunity)\b/i,
];

/** One scan per mode over descriptions of several KB. */
const anyOf = (patterns: readonly RegExp[]) => new RegExp(patterns.map((pattern) => pattern.source).join("|"), "i");
const STATES_ON_SITE = anyOf(TEXT_ON_SITE);
const STATES_HYBRID = anyOf(TEXT_HYBRID);
const STATES_REMOTE = anyOf(TEXT_REMOTE);

export function modeFromDescription(text: string): Mode | null {
  if (STATES_ON_SITE.test(text)) return "onsite";
  if (STATES_HYBRID.test(text)) return "hybrid";
  if (STATES_REMOTE.test(text)) return "remote";
  return null;
}

export interface LocationInput {
  /** Location strings as the board writes them. */
  locations: readonly string[];
  remoteHint?: Mode;
  /** Structured eligibility (schema.org applicantLocationRequirements, Remotive's required location). */
  remoteEligibility?: readonly string[];
  /** Description text: consulted only for clear statements ("this role is fully remote"). */
  text?: string;
}

function placeKey(place: PlaceLocation): string {
  return place.city || place.region || place.country ? `${place.city}|${place.region}|${place.country}` : `raw:${place.raw}`;
}

function strongestMode(modes: Iterable<Mode>): Mode | null {
  const set = new Set(modes);
  if (set.has("remote")) return "remote";
  if (set.has("hybrid")) return "hybrid";
  if (set.has("onsite")) return "onsite";
  return null;
}

/**
 * Work mode, places and remote eligibility of a posting. The board's structured hint wins, then
 * words in the location strings (most flexible wins: "Hybrid or Remote" is remote), then clear
 * statements in the description; places alone mean onsite, continents alone mean remote.
 */
export function parseLocation(input: LocationInput): LocationInfo {
  const readings = input.locations.map((text) => readLocationString(text));
  const eligibility = (input.remoteEligibility ?? []).map((text) => readLocationString(text));
  const groups = readings.flatMap((reading) => reading.groups);
  const segments = groups.flat();
  const eligibilitySegments = eligibility.flatMap((reading) => reading.groups.flat());

  let range: OffsetRange | null = null;
  for (const reading of [...readings, ...eligibility]) {
    if (!reading.range) continue;
    range = range ? { min: Math.min(range.min, reading.range.min), max: Math.max(range.max, reading.range.max) } : reading.range;
  }

  const places = new Map<string, PlaceLocation>();
  for (const segment of segments) {
    for (const place of segment.places) if (!places.has(placeKey(place))) places.set(placeKey(place), place);
  }
  const placeList = [...places.values()];
  const named = segments.flatMap((segment) => segment.named);
  const onlyRegions = placeList.length === 0 && named.some(isRegionCode);

  const remote: RemoteType =
    input.remoteHint ??
    strongestMode(segments.flatMap((segment) => [...segment.modes])) ??
    (input.text ? modeFromDescription(input.text) : null) ??
    (eligibilitySegments.some((segment) => segment.named.length) || onlyRegions ? "remote" : null) ??
    (placeList.length ? "onsite" : "unknown");

  let remoteRegions: string[] = [];
  if (remote === "remote") {
    // "Remote within Canada + USA": a country or region offered beside a remote cue is eligibility too.
    const fromRemoteSegments = groups.flatMap((alternatives) =>
      alternatives.some((segment) => segment.modes.has("remote"))
        ? alternatives.flatMap((segment) => (segment.modes.has("remote") || (!segment.modes.size && !segment.hasCity) ? segment.named : []))
        : [],
    );
    const fromStructured = eligibilitySegments.flatMap((segment) => segment.named);
    const fromPlainSegments = segments.filter((segment) => !segment.hasCity).flatMap((segment) => segment.named);
    const stated = [...fromRemoteSegments, ...fromStructured];
    remoteRegions = [...new Set(stated.length ? stated : fromPlainSegments)];
    if (remoteRegions.includes("WORLDWIDE")) remoteRegions = ["WORLDWIDE"];
  }

  const countries = new Set<string>();
  for (const place of placeList) if (place.country) countries.add(place.country);
  for (const code of remoteRegions) if (!isRegionCode(code)) countries.add(code);
  const cities = [...new Set(placeList.flatMap((place) => (place.city ? [place.city] : [])))];

  // Copies: the readings behind these places are cached and shared between postings.
  const locations = placeList.length
    ? placeList.map((place) => ({ ...place }))
    : input.locations.map((raw) => clipLine(raw).trim()).filter(Boolean).map((raw) => ({ raw }));

  return {
    locations,
    countries: [...countries],
    cities,
    remote,
    remoteRegions,
    tzMinOffset: range?.min ?? null,
    tzMaxOffset: range?.max ?? null,
  };
}
