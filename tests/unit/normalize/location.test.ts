import { describe, expect, it } from "vitest";
import { eligibleFrom, isLocationPhrase, modeFromDescription, parseLocation } from "@/lib/normalize/location";
import { readTimeZones } from "@/lib/normalize/time-zone";

function read(locations: string[], extra: Omit<Parameters<typeof parseLocation>[0], "locations"> = {}) {
  const info = parseLocation({ locations, ...extra });
  return { remote: info.remote, countries: info.countries, remoteRegions: info.remoteRegions, cities: info.cities };
}

describe("parseLocation: remote eligibility", () => {
  it.each([
    ["Remote (US only)", ["US"], ["US"]],
    ["Remote, US", ["US"], ["US"]],
    ["Remote - United States", ["US"], ["US"]],
    ["USA Remote", ["US"], ["US"]],
    ["Remote, EMEA", [], ["EMEA"]],
    ["Remote - Europe", [], ["EUROPE"]],
    ["Remote (EU only)", [], ["EU"]],
    ["Anywhere", [], ["WORLDWIDE"]],
    ["Worldwide", [], ["WORLDWIDE"]],
    ["Remote (Americas)", [], ["NA", "LATAM"]],
    ["Remote (EMEA/APAC)", [], ["EMEA", "APAC"]],
    ["Remote within Canada + USA", ["CA", "US"], ["CA", "US"]],
    ["Remote (DACH)", ["DE", "AT", "CH"], ["DE", "AT", "CH"]],
    ["Anywhere in the US", ["US"], ["US"]],
  ])("%s", (text, countries, remoteRegions) => {
    expect(read([text])).toEqual({ remote: "remote", countries, remoteRegions, cities: [] });
  });

  it("does not invent eligibility when a remote option sits beside offices", () => {
    expect(read(["SF / NY / Remote"])).toEqual({ remote: "remote", countries: ["US"], remoteRegions: [], cities: ["San Francisco", "New York"] });
    expect(read(["Remote job"])).toEqual({ remote: "remote", countries: [], remoteRegions: [], cities: [] });
  });

  it("keeps one location's eligibility apart from the other locations of a posting", () => {
    const info = read(["London, UK; Ontario, CAN; Remote-Friendly, United States; San Francisco, CA"]);
    expect(info).toEqual({ remote: "remote", countries: ["GB", "CA", "US"], remoteRegions: ["US"], cities: ["London", "San Francisco"] });
  });

  it("reads countries given with a remote hint as eligibility (Remotive, Remote OK)", () => {
    expect(read(["Brazil, Colombia, Philippines"], { remoteHint: "remote" }).remoteRegions).toEqual(["BR", "CO", "PH"]);
    expect(read(["Americas, Europe, Asia, Oceania"], { remoteHint: "remote" }).remoteRegions).toEqual(["NA", "LATAM", "EUROPE", "APAC"]);
    expect(read(["Remote"], { remoteEligibility: ["USA"] })).toMatchObject({ remote: "remote", remoteRegions: ["US"] });
  });
});

describe("parseLocation: places", () => {
  it("splits several locations and reads US states", () => {
    const info = parseLocation({ locations: ["San Francisco, CA; New York, NY | Remote"] });
    expect(info.locations).toEqual([
      { raw: "San Francisco, CA", city: "San Francisco", region: "CA", country: "US" },
      { raw: "New York, NY", city: "New York", region: "NY", country: "US" },
    ]);
    expect(info.countries).toEqual(["US"]);
  });

  it.each([
    ["London, UK", ["GB"], ["London"]],
    ["Bengaluru", ["IN"], ["Bengaluru"]],
    ["Bangalore, India", ["IN"], ["Bengaluru"]],
    ["Zürich, CH", ["CH"], ["Zurich"]],
    ["SF, NYC, SEA, CHI", ["US"], ["San Francisco", "New York", "Seattle", "Chicago"]],
    ["Chicago, Illinois, United States", ["US"], ["Chicago"]],
    ["Toronto, ON, Canada", ["CA"], ["Toronto"]],
    ["Ontario, CAN", ["CA"], []],
    ["Kaneohe, Hawaii", ["US"], ["Kaneohe"]],
    ["Amsterdam (NL), Skopje (North Macedonia)", ["NL", "MK"], ["Amsterdam", "Skopje"]],
  ])("%s", (text, countries, cities) => {
    expect(read([text])).toEqual({ remote: "onsite", countries, remoteRegions: [], cities });
  });

  it("lets the state or country after a city decide between cities of one name", () => {
    expect(parseLocation({ locations: ["Cambridge, MA"] }).countries).toEqual(["US"]);
    expect(parseLocation({ locations: ["Cambridge, UK"] }).countries).toEqual(["GB"]);
    expect(parseLocation({ locations: ["Perth, WA"] }).countries).toEqual(["AU"]);
    expect(parseLocation({ locations: ["Hamburg, DE"] }).countries).toEqual(["DE"]);
    expect(parseLocation({ locations: ["Wilmington, DE"] }).locations[0]).toMatchObject({ region: "DE", country: "US" });
  });

  it("reads Georgia as the country beside a Georgian city and as the US state otherwise", () => {
    expect(parseLocation({ locations: ["Tbilisi, Georgia"] }).locations[0]).toMatchObject({ city: "Tbilisi", country: "GE" });
    expect(parseLocation({ locations: ["Batumi"] }).countries).toEqual(["GE"]);
    expect(parseLocation({ locations: ["Atlanta, Georgia"] }).locations[0]).toMatchObject({ city: "Atlanta", region: "GA", country: "US" });
    expect(parseLocation({ locations: ["Savannah, GA"] }).locations[0]).toMatchObject({ region: "GA", country: "US" });
    expect(parseLocation({ locations: ["Georgia"] }).locations[0]).toMatchObject({ region: "GA", country: "US" });
    expect(read(["Remote (Tbilisi, Georgia)"])).toMatchObject({ remote: "remote", countries: ["GE"] });
  });

  it("knows the Crown Dependencies and Gibraltar, and keeps New Jersey and Jersey City American", () => {
    expect(parseLocation({ locations: ["St Helier, Jersey"] }).countries).toEqual(["JE"]);
    expect(parseLocation({ locations: ["Douglas, Isle of Man"] }).countries).toEqual(["IM"]);
    expect(parseLocation({ locations: ["St Peter Port, Guernsey"] }).countries).toEqual(["GG"]);
    expect(parseLocation({ locations: ["Gibraltar"] }).countries).toEqual(["GI"]);
    expect(parseLocation({ locations: ["Newark, New Jersey"] }).locations[0]).toMatchObject({ region: "NJ", country: "US" });
    expect(parseLocation({ locations: ["Jersey City, NJ"] }).locations[0]).toMatchObject({ city: "Jersey City", country: "US" });
  });

  it("reads Japanese, Chinese and Korean place names, with the ward or district after a city", () => {
    expect(read(["東京都港区"])).toEqual({ remote: "onsite", countries: ["JP"], remoteRegions: [], cities: ["Tokyo"] });
    expect(read(["北京市海淀区"])).toMatchObject({ countries: ["CN"], cities: ["Beijing"] });
    expect(read(["서울 강남구"])).toMatchObject({ countries: ["KR"], cities: ["Seoul"] });
    expect(read(["上海 / 北京"]).cities).toEqual(["Shanghai", "Beijing"]);
    expect(read(["リモート（日本国内）"])).toEqual({ remote: "remote", countries: ["JP"], remoteRegions: ["JP"], cities: [] });
    expect(read(["東京（フルリモート可）"])).toMatchObject({ remote: "remote", cities: ["Tokyo"] });
  });

  it("reads a lone unknown place name as a city but not filler words", () => {
    expect(read(["Merida"]).cities).toEqual(["Merida"]);
    expect(read(["Multiple Locations"])).toEqual({ remote: "unknown", countries: [], remoteRegions: [], cities: [] });
  });
});

describe("parseLocation: work mode", () => {
  it("takes the most flexible mode the strings offer", () => {
    expect(read(["Hybrid - London"]).remote).toBe("hybrid");
    expect(read(["ONSITE (part remote)"]).remote).toBe("hybrid");
    expect(read(["Remote or on-site in NYC"]).remote).toBe("remote");
    expect(read(["NYC (in-person 5x/week)"]).remote).toBe("onsite");
  });

  it("lets the board's structured hint win", () => {
    expect(read(["Remote, US"], { remoteHint: "hybrid" }).remote).toBe("hybrid");
    expect(read([], { remoteHint: "remote" }).remote).toBe("remote");
  });

  it("uses the description only for clear statements", () => {
    expect(read(["Berlin, Germany"], { text: "This role is fully remote within Germany." }).remote).toBe("remote");
    expect(read(["Berlin, Germany"], { text: "We work hybrid, 3 days in the office each week." }).remote).toBe("hybrid");
    expect(read(["Berlin, Germany"], { text: "Our tools help remote teams collaborate." }).remote).toBe("onsite");
    expect(read(["Remote, US"], { text: "This role is on-site." }).remote).toBe("remote");
  });

  it("is unknown with nothing to go on", () => {
    expect(read([])).toEqual({ remote: "unknown", countries: [], remoteRegions: [], cities: [] });
  });
});

describe("time-zone requirements", () => {
  it.each([
    ["Remote (UTC-5 to UTC+1)", -300, 60],
    ["Remote - US time zones", -480, -300],
    ["Remote, CET ±3h", -120, 240],
    ["USA, CST (UTC-6)", -360, -360],
    ["Remote (within 2 hours of GMT)", -120, 120],
    ["Remote (PST/EST)", -480, -300],
    ["Remote (UTC+5:30)", 330, 330],
  ])("%s", (text, min, max) => {
    const info = parseLocation({ locations: [text] });
    expect([info.tzMinOffset, info.tzMaxOffset]).toEqual([min, max]);
  });

  it("does not read a country code as a time zone", () => {
    expect(readTimeZones("Lisbon, PT").range).toBeNull();
    expect(parseLocation({ locations: ["Lisbon, PT"] }).countries).toEqual(["PT"]);
  });
});

describe("eligibleFrom", () => {
  it("lists every remoteRegions value that includes a country", () => {
    expect(eligibleFrom("DE")).toEqual(["DE", "EU", "EUROPE", "EMEA", "WORLDWIDE"]);
    expect(eligibleFrom("gb")).toEqual(["GB", "EUROPE", "EMEA", "WORLDWIDE"]);
    expect(eligibleFrom("US")).toEqual(["US", "NA", "WORLDWIDE"]);
    expect(eligibleFrom("MX")).toEqual(["MX", "NA", "LATAM", "WORLDWIDE"]);
    expect(eligibleFrom("IN")).toEqual(["IN", "APAC", "WORLDWIDE"]);
    expect(eligibleFrom("ZZ")).toEqual(["WORLDWIDE"]);
  });

  it("matches what parseLocation stores", () => {
    const regions = parseLocation({ locations: ["Remote - Europe"] }).remoteRegions;
    expect(regions.some((region) => eligibleFrom("PL").includes(region))).toBe(true);
    expect(regions.some((region) => eligibleFrom("US").includes(region))).toBe(false);
  });
});

describe("isLocationPhrase", () => {
  it("knows places and work modes, not job words or ambiguous codes", () => {
    expect(isLocationPhrase("Remote")).toBe(true);
    expect(isLocationPhrase("London, UK")).toBe(true);
    expect(isLocationPhrase("Remote - US")).toBe(true);
    expect(isLocationPhrase("ML Platform")).toBe(false);
    expect(isLocationPhrase("ML")).toBe(false);
  });
});

describe("modeFromDescription", () => {
  it("ignores a job that is merely about remote things", () => {
    expect(modeFromDescription("You will build remote sensing models.")).toBeNull();
    expect(modeFromDescription("This position is 100% remote.")).toBe("remote");
    expect(modeFromDescription("Five days a week in the office.")).toBe("onsite");
  });
});
