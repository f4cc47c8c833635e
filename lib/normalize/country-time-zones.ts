import { TABLE } from "./country-time-zones-data";

export interface OffsetSpan {
  min: number;
  max: number;
}

const SPANS = new Map<string, OffsetSpan>(
  TABLE.trim()
    .split("\n")
    .map((row) => row.split("|"))
    .map(([code = "", min, max]) => [code, { min: Number(min), max: Number(max) }]),
);

/** tzdata lists every inhabited country (ISO 3166-1 alpha-2): "GE" yes, "XX" and "EU" no. */
export function isCountryCode(code: string): boolean {
  return SPANS.has(code.trim().toUpperCase());
}

/** The country's span of standard UTC offsets (ISO 3166-1 alpha-2), or null for a code tzdata does not list. */
export function countryOffsetSpan(country: string): OffsetSpan | null {
  return SPANS.get(country.trim().toUpperCase()) ?? null;
}
