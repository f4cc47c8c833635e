import { describe, expect, it } from "vitest";
import { formatSalaryBand } from "@/lib/format";
import { countryName } from "@/lib/normalize/gazetteer";

describe("formatSalaryBand", () => {
  it("gives the median with the middle half", () => {
    expect(formatSalaryBand({ p25: 200_000, median: 213_000, p75: 224_000 })).toBe("$213K ($200K–$224K)");
  });

  it("leaves out a middle half that rounds to one figure (one posting, or all alike)", () => {
    expect(formatSalaryBand({ p25: 260_000, median: 260_000, p75: 260_000 })).toBe("$260K");
    expect(formatSalaryBand({ p25: 259_800, median: 260_000, p75: 260_200 })).toBe("$260K");
  });
});

describe("countryName", () => {
  it("names a country from its code, and keeps a code it does not know", () => {
    expect(countryName("US")).toBe("United States");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("XX")).toBe("XX");
  });
});
