import { isCountryCode } from "@/lib/normalize/country-time-zones";
import { lookupPlace } from "@/lib/normalize/gazetteer";

/**
 * The ISO code of the one country a person typed into a place field: "DE", "de", "Germany", "UK",
 * "United States", "Deutschland". Null for a city, or a name that is also a state ("Georgia").
 */
export function typedCountry(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  // The gazetteer reads codes only in capitals, so "usa" is tried as "USA" too.
  const match = lookupPlace(trimmed) ?? (/^[A-Za-z]{2,3}$/.test(trimmed) ? lookupPlace(trimmed.toUpperCase()) : null);
  const countries = new Set(match?.countries);
  return countries.size === 1 && match!.subdivisions.length === 0 ? [...countries][0]! : null;
}
