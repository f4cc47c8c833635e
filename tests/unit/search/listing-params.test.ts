import { describe, expect, it } from "vitest";
import { feedPath, filterToSearchParams, listingPath, parseListingParams } from "@/lib/search/listing-params";
import { postingFilterSchema } from "@/lib/search/schemas";

const parse = (query: string) => parseListingParams(new URLSearchParams(query));

describe("parseListingParams", () => {
  it("reads every filter from the URL", () => {
    const { filter, ignored } = parse(
      "q=vllm&remote=remote&remote=hybrid&location=DE&eligible=de&level=senior,staff&family=ml_infrastructure&adjacent=1" +
        "&skills=pytorch&skills=kubernetes&salaryMin=180000&withoutSalary=1&company=tensorlane&posted=7d&source=greenhouse&sort=salary",
    );
    expect(ignored).toEqual([]);
    expect(filter).toEqual({
      q: "vllm",
      remote: ["remote", "hybrid"],
      location: "DE",
      eligible: "DE",
      level: ["senior", "staff"],
      family: ["ml_infrastructure"],
      adjacent: true,
      skills: ["pytorch", "kubernetes"],
      salaryMin: 180000,
      withoutSalary: true,
      company: ["tensorlane"],
      posted: "7d",
      source: ["greenhouse"],
      sort: "salary",
    });
  });

  it("drops only the invalid value of a multi-valued filter and says why", () => {
    const { filter, ignored } = parse("level=senior&level=wizard&skills=pytorch,notaskill");
    expect(filter).toEqual({ level: ["senior"], skills: ["pytorch"] });
    expect(ignored.map((i) => `${i.param}=${i.value}`)).toEqual(["level=wizard", "skills=notaskill"]);
  });

  it("says in plain words what a value should be, and which option a misspelling meant", () => {
    const reasons = Object.fromEntries(parse("level=seniro&level=intern&remote=remot&posted=1w&sort=best&salaryMin=abc&source=linkedin").ignored.map((i) => [i.value, i.reason]));
    expect(reasons).toEqual({
      seniro: 'is not a level: senior, staff, principal or lead (did you mean "senior"?)',
      intern: "is not a level: senior, staff, principal or lead",
      remot: 'is not a work mode: remote, hybrid or onsite (did you mean "remote"?)',
      "1w": "is not a time window: 24h, 7d or 30d",
      best: "is not a sort order: relevance, newest or salary",
      abc: "must be a number of US dollars a year, like 180000 or 180k",
      linkedin: expect.stringMatching(/^is not a board: greenhouse, lever, .+$/),
    });
    expect(parse("salaryMin=1500.5").ignored[0]?.reason).toBe("must be a whole number of US dollars a year, like 180000 or 180k");
    expect(parse("salaryMin=-5").ignored[0]?.reason).toBe("must not be negative");
    expect(parse("salaryMin=90000000").ignored[0]?.reason).toBe("must be at most 5,000,000");
    expect(parse("family=ml_engineer").ignored[0]?.reason).toMatch(/^is not a role family: .+ \(did you mean "ml_engineering"\?\)$/);
  });

  it("reads a minimum salary as a person types it", () => {
    const read = (value: string) => parse(`salaryMin=${encodeURIComponent(value)}`);
    for (const [typed, dollars] of [
      ["180000", 180_000],
      ["180k", 180_000],
      ["180K", 180_000],
      ["$180,000", 180_000],
      [" 180 000 ", 180_000],
      ["USD 180000", 180_000],
      ["180k usd", 180_000],
      ["US$200k", 200_000],
      ["172.5k", 172_500],
      ["1.005k", 1_005],
    ] as const) {
      expect(read(typed), typed).toMatchObject({ filter: { salaryMin: dollars }, ignored: [] });
    }
    for (const typed of ["180kk", "k", "$", "180 k€", "1e5", "0x10", "180m", "€180k"]) {
      expect(read(typed).ignored[0]?.reason, typed).toBe("must be a number of US dollars a year, like 180000 or 180k");
    }
    expect(read("-5k").ignored[0]?.reason).toBe("must not be negative");
    expect(read("180.5").ignored[0]?.reason).toBe("must be a whole number of US dollars a year, like 180000 or 180k");
  });

  it("suggests the parameter a misspelling meant", () => {
    const { ignored } = parse("levl=senior&skils=pytorch&zzzzzz=1");
    expect(ignored[0]?.reason).toContain('did you mean "level"');
    expect(ignored[1]?.reason).toContain('did you mean "skills"');
    expect(ignored[2]?.reason).toBe("unknown parameter");
    // Two letters swapped in a short name.
    expect(parse("vias=1&srot=salary").ignored.map((i) => i.reason)).toEqual(['unknown parameter (did you mean "visa"?)', 'unknown parameter (did you mean "sort"?)']);
  });

  it("never throws on hostile input", () => {
    const hostile = [
      "q=" + "x".repeat(5000),
      "salaryMin=-5&salaryMin=abc",
      "q=' OR 1=1; DROP TABLE posting; --",
      "sort=__proto__&constructor=1&__proto__=x",
      "cursor=!!!&cursor=eyJzIjoxfQ",
      "posted=1y&eligible=Germany&remote=",
      Array.from({ length: 100 }, (_, i) => `level=l${i}`).join("&"),
    ];
    for (const query of hostile) {
      const result = parse(query);
      expect(() => postingFilterSchema.parse(result.filter)).not.toThrow();
    }
    expect(parse("salaryMin=abc").ignored[0]).toMatchObject({ param: "salaryMin", value: "abc" });
    expect(parse("cursor=!!!").cursor).toBeNull();
    expect(parse("q=' OR 1=1; --").filter.q).toBe("' OR 1=1; --");
  });

  it("takes eligible= as one country, by its code in any case or by its name, and says why another is ignored", () => {
    expect(parse("eligible=ge").filter.eligible).toBe("GE");
    for (const [typed, code] of [["Germany", "DE"], ["germany", "DE"], ["UK", "GB"], ["uk", "GB"], ["United States", "US"], ["usa", "US"], ["Deutschland", "DE"], ["the Netherlands", "NL"], ["Singapore", "SG"]]) {
      expect(parse(`eligible=${encodeURIComponent(typed!)}`), typed).toMatchObject({ filter: { eligible: code }, ignored: [] });
    }
    // Not one country: a code nobody has, a region, a city, a name that is also a US state.
    for (const value of ["XX", "EU", "Berlin", "Georgia", "Narnia"]) {
      const { filter, ignored } = parse(`eligible=${value}`);
      expect(filter.eligible, value).toBeUndefined();
      expect(ignored[0]).toMatchObject({ param: "eligible", value });
    }
    expect(parse("eligible=XX").ignored[0]?.reason).toBe("is not a country code (ISO 3166-1, like DE)");
    expect(parse("eligible=Narnia").ignored[0]?.reason).toBe("must be a country, like DE or Germany");
  });

  it("reads a location that names one country as that country's code, and anything else as a city", () => {
    for (const [typed, location] of [["Germany", "DE"], ["uk", "GB"], ["us", "US"], ["Berlin", "Berlin"], ["Georgia", "Georgia"], ["New York", "New York"]]) {
      expect(parse(`location=${encodeURIComponent(typed!)}`).filter.location, typed).toBe(location);
    }
  });

  it("reads only the strings of the object Next.js gives a page (a key like toString carries the inherited function)", () => {
    const { filter, ignored } = parseListingParams({ toString: [Object.prototype.toString, "1"] as unknown as string[], level: "senior" });
    expect(filter).toEqual({ level: ["senior"] });
    expect(ignored).toEqual([{ param: "toString", value: "1", reason: "unknown parameter" }]);
  });

  it("refuses control characters in free text (PostgreSQL refuses NUL)", () => {
    const { filter, ignored } = parseListingParams(new URLSearchParams("q=vllm%00&location=Ber%01lin"));
    expect(filter).toEqual({});
    expect(ignored.map((item) => [item.param, item.reason])).toEqual([
      ["q", "must not contain control characters"],
      ["location", "must not contain control characters"],
    ]);
  });

  it("keeps the first of a repeated single-valued parameter and reports the rest", () => {
    const { filter, ignored } = parse("posted=7d&posted=24h");
    expect(filter.posted).toBe("7d");
    expect(ignored).toEqual([{ param: "posted", value: "24h", reason: "given more than once; the first value is used" }]);
  });

  it("round-trips through filterToSearchParams", () => {
    const original = parse("level=staff&level=senior&skills=cuda&salaryMin=200000&withoutSalary=1&q=inference");
    const again = parseListingParams(filterToSearchParams(original.filter));
    expect(again.filter).toEqual(original.filter);
    expect(again.ignored).toEqual([]);
  });

  it("drops withoutSalary given without salaryMin", () => {
    const { filter, ignored } = parse("withoutSalary=1");
    expect(filter).toEqual({});
    expect(ignored[0]?.param).toBe("withoutSalary");
  });
});

describe("listingPath and feedPath", () => {
  it("give the bare path without filters, and the canonical query with them", () => {
    expect(listingPath({})).toBe("/");
    expect(feedPath({})).toBe("/feed.xml");
    const { filter } = parse("remote=hybrid&level=staff&q=vllm");
    expect(listingPath(filter)).toBe("/?q=vllm&remote=hybrid&level=staff");
    expect(feedPath(filter)).toBe("/feed.xml?q=vllm&remote=hybrid&level=staff");
  });

  it("carry a cursor that reads back as the same page", () => {
    const path = listingPath({ level: ["lead"] }, { s: "2026-11-20T00:00:00.000Z", i: 9 });
    expect(parse(path.slice(2))).toEqual({ filter: { level: ["lead"] }, cursor: { s: "2026-11-20T00:00:00.000Z", i: 9 }, ignored: [] });
  });
});
