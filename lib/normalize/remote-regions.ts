import { COUNTRIES_TABLE, type Area } from "@/lib/normalize/geo-data";

/**
 * Where a remote worker may live, as stored in Posting.remoteRegions: ISO 3166-1 alpha-2 country
 * codes plus these region codes.
 *
 * - WORLDWIDE    anywhere ("Anywhere", "Worldwide", "Global").
 * - NA           North America: US, CA, MX.
 * - LATAM        Mexico, Central and South America, the Caribbean.
 * - EU           the 27 member states of the European Union ("EU only" is usually about work permits).
 * - EUROPE       geographic Europe: the EU plus UK, CH, NO, IS, the Balkans, UA, TR, ...
 *                ("Remote - Europe" is EUROPE, "Remote (EU)" is EU; both include Germany.)
 * - EMEA         Europe, the Middle East and Africa.
 * - APAC         Asia and Oceania ("Asia", "Oceania", "Asia-Pacific").
 * - MIDDLE_EAST  and AFRICA: narrower than EMEA, so a Europe-based reader is not offered them.
 *
 * A country that belongs to a region is eligible for postings that name the region; "Americas" is
 * stored as NA + LATAM. One clash: Namibia's ISO code is "NA", which we read as North America.
 */
export const REGION_CODES = ["WORLDWIDE", "NA", "LATAM", "EU", "EUROPE", "EMEA", "MIDDLE_EAST", "AFRICA", "APAC"] as const;
export type RegionCode = (typeof REGION_CODES)[number];

const REGION_AREAS: Readonly<Record<Exclude<RegionCode, "WORLDWIDE" | "NA">, readonly Area[]>> = {
  LATAM: ["lat"],
  EU: ["eu"],
  EUROPE: ["eu", "eur"],
  EMEA: ["eu", "eur", "mea", "afr"],
  MIDDLE_EAST: ["mea"],
  AFRICA: ["afr"],
  APAC: ["asia", "oce"],
};
const NORTH_AMERICA = new Set(["US", "CA", "MX"]);

const AREA_BY_COUNTRY = new Map(COUNTRIES_TABLE.map((row) => [row.code, row.area]));

export function isRegionCode(code: string): code is RegionCode {
  return (REGION_CODES as readonly string[]).includes(code);
}

/** The region codes that contain a country, widest last. */
function regionsContaining(country: string): RegionCode[] {
  const area = AREA_BY_COUNTRY.get(country);
  const regions: RegionCode[] = [];
  if (NORTH_AMERICA.has(country)) regions.push("NA");
  if (area) {
    for (const [region, areas] of Object.entries(REGION_AREAS) as [RegionCode, readonly Area[]][]) {
      if (areas.includes(area)) regions.push(region);
    }
  }
  regions.push("WORLDWIDE");
  return regions;
}

/**
 * The remoteRegions values under which someone living in `country` may take a remote job:
 * "DE" → ["DE", "EU", "EUROPE", "EMEA", "WORLDWIDE"]. An unknown country gets ["WORLDWIDE"].
 */
export function eligibleFrom(country: string): string[] {
  const code = country.trim().toUpperCase();
  if (!AREA_BY_COUNTRY.has(code)) return ["WORLDWIDE"];
  // Namibia's "NA" would match every North America posting, so only its regions are returned.
  return code === "NA" ? regionsContaining(code) : [code, ...regionsContaining(code)];
}

/**
 * The countries a remote worker may live in, from a posting's remoteRegions: country codes as they are,
 * regions as their countries ("NA" → US, CA, MX). Empty when it says worldwide or nothing.
 */
export function remoteCountries(remoteRegions: readonly string[]): string[] {
  if (remoteRegions.includes("WORLDWIDE")) return [];
  const countries = new Set<string>();
  for (const code of remoteRegions) {
    if (code === "NA") {
      for (const country of NORTH_AMERICA) countries.add(country);
    } else if (isRegionCode(code)) {
      const areas = REGION_AREAS[code as keyof typeof REGION_AREAS];
      for (const row of COUNTRIES_TABLE) if (areas.includes(row.area)) countries.add(row.code);
    } else if (AREA_BY_COUNTRY.has(code)) {
      countries.add(code);
    }
  }
  return [...countries];
}
