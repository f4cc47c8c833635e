import { describe, expect, it } from "vitest";
import { placeFieldValue, placeName } from "@/lib/search/labels";
import { typedCountry } from "@/lib/search/typed-country";

describe("place filters as a person reads and types them", () => {
  it("names a country code and leaves a city as typed", () => {
    expect(placeName("DE")).toBe("Germany");
    expect(placeName("GB")).toBe("United Kingdom");
    expect(placeName("Berlin")).toBe("Berlin");
  });

  it("shows a country in its field by name only where the name reads back as the same country", () => {
    for (const code of ["DE", "GB", "US", "NL", "CH"]) {
      const shown = placeFieldValue(code);
      expect(shown, code).not.toBe(code);
      expect(typedCountry(shown), code).toBe(code);
    }
    // Georgia is also a US state, so its name would not read back as one country.
    expect(placeFieldValue("GE")).toBe("GE");
    expect(placeFieldValue("Berlin")).toBe("Berlin");
  });

  it("reads one country from a code in any case or a name, and nothing from a city, a region or a state's name", () => {
    expect(["de", "Germany", "Deutschland", "UK", "usa", "United States", "Czech Republic"].map(typedCountry)).toEqual(["DE", "DE", "DE", "GB", "US", "US", "CZ"]);
    expect(["Berlin", "EU", "EMEA", "Georgia", "Washington", "Narnia", "XX", ""].map(typedCountry)).toEqual(Array(8).fill(null));
  });
});
