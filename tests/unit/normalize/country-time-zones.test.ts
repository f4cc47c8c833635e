import { describe, expect, it } from "vitest";
import { countryOffsetSpan } from "@/lib/normalize/country-time-zones";

describe("countryOffsetSpan", () => {
  it("spans a country's standard offsets over all its zones, in minutes", () => {
    expect(countryOffsetSpan("US")).toEqual({ min: -600, max: -300 });
    expect(countryOffsetSpan("de")).toEqual({ min: 60, max: 60 });
    expect(countryOffsetSpan("IN")).toEqual({ min: 330, max: 330 });
    expect(countryOffsetSpan("AU")).toEqual({ min: 480, max: 630 });
  });

  it("knows no span for a code tzdata does not list", () => {
    expect(countryOffsetSpan("ZZ")).toBeNull();
    expect(countryOffsetSpan("EU")).toBeNull();
  });
});
