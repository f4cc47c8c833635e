import { describe, expect, it } from "vitest";
import { COUNTRIES_TABLE } from "@/lib/normalize/geo-data";
import { eligibleFrom, remoteCountries } from "@/lib/normalize/remote-regions";

describe("remoteCountries: where a remote worker may live, as countries", () => {
  it("keeps country codes and reads North America as its three countries, never Namibia", () => {
    expect(remoteCountries(["DE", "GB"])).toEqual(["DE", "GB"]);
    expect(remoteCountries(["NA"]).sort()).toEqual(["CA", "MX", "US"]);
    expect(remoteCountries(["US", "NA"]).sort()).toEqual(["CA", "MX", "US"]);
  });

  it("reads the EU as its 27 member states, and Europe as more", () => {
    const eu = remoteCountries(["EU"]);
    expect(eu).toHaveLength(27);
    expect(eu).toEqual(expect.arrayContaining(["DE", "FR", "IE", "PL"]));
    expect(eu).not.toContain("GB");
    expect(remoteCountries(["EUROPE"])).toEqual(expect.arrayContaining([...eu, "GB", "CH", "NO"]));
  });

  it("names nothing for worldwide, or for no regions", () => {
    expect(remoteCountries(["WORLDWIDE"])).toEqual([]);
    expect(remoteCountries(["US", "WORLDWIDE"])).toEqual([]);
    expect(remoteCountries([])).toEqual([]);
  });

  it("agrees with eligibleFrom: a country is in a region's countries exactly when it is eligible for that region", () => {
    for (const region of ["NA", "LATAM", "EU", "EUROPE", "EMEA", "MIDDLE_EAST", "AFRICA", "APAC"]) {
      const countries = new Set(remoteCountries([region]));
      for (const { code } of COUNTRIES_TABLE) {
        expect(countries.has(code), `${code} in ${region}`).toBe(eligibleFrom(code).includes(region));
      }
    }
  });
});
