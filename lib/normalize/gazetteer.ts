import {
  CITIES_TABLE,
  COUNTRIES_TABLE,
  SUBDIVISIONS_TABLE,
  type CityRow,
  type SubdivisionRow,
} from "@/lib/normalize/geo-data";

/** Everything a phrase can name; a phrase like "CA" names a country and a state at once. */
export interface PlaceMatch {
  cities: CityRow[];
  subdivisions: SubdivisionRow[];
  countries: string[];
  /** Region codes ("EMEA") and the countries of named groups ("DACH" → DE, AT, CH). */
  regions: string[];
}

/** Lower-case ASCII words: "Zürich" → "zurich", "U.S." → "us", "Tel-Aviv" → "tel aviv". */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const REGION_PHRASES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ["worldwide", "world wide", "anywhere", "anywhere in the world", "global", "globally", "international", "everywhere", "all countries", "any country", "any location", "location independent"],
    ["WORLDWIDE"],
  ],
  [["north america", "n america", "northern america"], ["NA"]],
  [["americas", "the americas"], ["NA", "LATAM"]],
  [["latam", "latin america", "south america", "central america", "latinoamerica", "caribbean"], ["LATAM"]],
  [["eu", "european union"], ["EU"]],
  [["europe", "european", "continental europe", "western europe", "eastern europe", "central europe", "northern europe", "southern europe"], ["EUROPE"]],
  [["emea"], ["EMEA"]],
  [["apac", "asia pacific", "asiapac", "asia", "southeast asia", "south east asia", "east asia", "south asia", "oceania"], ["APAC"]],
  [["middle east", "mena"], ["MIDDLE_EAST"]],
  [["africa", "sub saharan africa", "north africa", "east africa", "west africa"], ["AFRICA"]],
  [["dach"], ["DE", "AT", "CH"]],
  [["benelux"], ["BE", "NL", "LU"]],
  [["nordics", "nordic", "nordic countries"], ["SE", "NO", "DK", "FI", "IS"]],
  [["scandinavia"], ["SE", "NO", "DK"]],
  [["baltics", "baltic states"], ["EE", "LV", "LT"]],
  [["anz"], ["AU", "NZ"]],
  [["uki"], ["GB", "IE"]],
];
/** Codes that are regions only when written in capitals ("n/a" is not North America). */
const REGION_CODES_IN_CAPITALS: Readonly<Record<string, readonly string[]>> = { NA: ["NA"] };

function emptyMatch(): PlaceMatch {
  return { cities: [], subdivisions: [], countries: [], regions: [] };
}

function addTo(index: Map<string, PlaceMatch>, key: string, add: (match: PlaceMatch) => void): void {
  if (!key) return;
  const match = index.get(key) ?? emptyMatch();
  add(match);
  index.set(key, match);
}

/** Folded names and aliases, matched in any case. */
const BY_NAME = new Map<string, PlaceMatch>();
/** Codes matched only as written in capitals: "IN" is India, "in" is a word. */
const BY_CODE = new Map<string, PlaceMatch>();

for (const country of COUNTRIES_TABLE) {
  for (const name of [country.name, ...country.aliases]) addTo(BY_NAME, fold(name), (m) => m.countries.push(country.code));
  for (const code of [country.code, ...country.codes]) addTo(BY_CODE, code, (m) => m.countries.push(country.code));
}
for (const subdivision of SUBDIVISIONS_TABLE) {
  for (const name of [subdivision.name, ...subdivision.aliases]) addTo(BY_NAME, fold(name), (m) => m.subdivisions.push(subdivision));
  addTo(BY_CODE, subdivision.code, (m) => m.subdivisions.push(subdivision));
}
for (const city of CITIES_TABLE) {
  for (const name of [city.name, ...city.aliases]) addTo(BY_NAME, fold(name), (m) => m.cities.push(city));
  for (const code of city.codes) addTo(BY_CODE, code, (m) => m.cities.push(city));
}
for (const [phrases, regions] of REGION_PHRASES) {
  for (const phrase of phrases) addTo(BY_NAME, fold(phrase), (m) => m.regions.push(...regions));
}
for (const [code, regions] of Object.entries(REGION_CODES_IN_CAPITALS)) addTo(BY_CODE, code, (m) => m.regions.push(...regions));

/** Capital codes a job title may carry as a place ("ML" in a title is never Mali). */
const TITLE_SAFE_CODES = new Set(["US", "USA", "UK", "EU", "EMEA", "APAC", "LATAM", "NYC", "SF"]);

export interface LookupOptions {
  /** Accept two- and three-letter capital codes (default true); titles allow only unambiguous ones. */
  codes?: boolean;
}

/** What a phrase names, or null. Codes count only when written in capitals. */
export function lookupPlace(phrase: string, options: LookupOptions = {}): PlaceMatch | null {
  const trimmed = phrase.trim();
  const codeAllowed = options.codes !== false || TITLE_SAFE_CODES.has(trimmed);
  const byCode = codeAllowed && /^[A-Z]{2,4}$/.test(trimmed) ? BY_CODE.get(trimmed) : undefined;
  const byName = /^[A-Z]{2,3}$/.test(trimmed) && !codeAllowed ? undefined : BY_NAME.get(fold(trimmed));
  if (!byCode && !byName) return null;
  if (!byCode) return byName ?? null;
  if (!byName) return byCode;
  return {
    cities: [...new Set([...byCode.cities, ...byName.cities])],
    subdivisions: [...new Set([...byCode.subdivisions, ...byName.subdivisions])],
    countries: [...new Set([...byCode.countries, ...byName.countries])],
    regions: [...new Set([...byCode.regions, ...byName.regions])],
  };
}

/** The gazetteer's spelling of a city ("Bangalore" → "Bengaluru"), or null when unknown. */
export function canonicalCityName(name: string): string | null {
  return BY_NAME.get(fold(name))?.cities[0]?.name ?? null;
}

/** A subdivision by code within a country ("WA" in AU is Western Australia). */
export function subdivisionIn(code: string, country: string): SubdivisionRow | undefined {
  return SUBDIVISIONS_TABLE.find((row) => row.code === code && row.country === country);
}

const COUNTRY_NAMES = new Map(COUNTRIES_TABLE.map((row) => [row.code, row.name]));

/** A country's English name from its ISO code ("DE" → "Germany"); the code itself when unknown. */
export function countryName(code: string): string {
  return COUNTRY_NAMES.get(code) ?? code;
}
