/**
 * The normalizers on hostile input: total (never throw), bounded (a second of CPU at most per
 * input), and what they return is storable and within the ranges the database and pages expect.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { companySlug, contentHash, dedupKey, titleKey } from "@/lib/normalize/dedup";
import { normalizePosting } from "@/lib/normalize";
import { parseLocation } from "@/lib/normalize/location";
import { classifyRole } from "@/lib/normalize/role-fit";
import { parseSalary, salaryFromDescription } from "@/lib/normalize/salary";
import { SKILLS_BY_ID } from "@/lib/normalize/skill-taxonomy";
import { extractSkills } from "@/lib/normalize/skills";
import type { LocationInfo, NormalizedPosting, Salary } from "@/lib/normalize/types";
import type { RawPosting } from "@/scrapers/types";
import { hostileString, repeatedString } from "./support/hostile";
import { unsafeMarkup } from "./support/html-safety";
import { rawPosting } from "./support/raw-postings";
import { assertProperty, withinBudget } from "./support/property";

const TIMEOUT_MS = 180_000;
const MODES = ["remote", "hybrid", "onsite"] as const;
const LEVELS = new Set(["intern", "junior", "mid", "senior", "staff", "principal", "lead", "unknown"]);
const FAMILIES = new Set(["ml_engineering", "ml_infrastructure", "inference_serving", "applied_research", "data_science", "ml_management", "other"]);
const INTERVALS = new Set(["hour", "day", "week", "month", "year"]);
const INT32_MAX = 2 ** 31 - 1;
/** UTC-12:00 to UTC+14:00, in minutes. */
const OFFSET_RANGE = [-12 * 60, 14 * 60] as const;
/** The slug the company filter and the /companies/<slug> page accept. */
const FILTERABLE_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** What PostgreSQL refuses in text and jsonb: NUL, and half a surrogate pair. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableStrings(value: unknown, path = "posting"): string[] {
  if (typeof value === "string") return UNSTORABLE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableStrings(item, `${path}[${index}]`));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => [...(UNSTORABLE.test(key) ? [`${path} key`] : []), ...unstorableStrings(item, `${path}.${key}`)]);
  }
  return [];
}

function salaryProblems(salary: Salary | null): string[] {
  if (salary === null) return [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries({ min: salary.min, max: salary.max })) {
    if (value !== null && !(Number.isFinite(value) && value > 0)) problems.push(`salary.${name} is ${value}`);
  }
  for (const [name, value] of Object.entries({ annualUsdMin: salary.annualUsdMin, annualUsdMax: salary.annualUsdMax })) {
    if (value !== null && !(Number.isInteger(value) && value >= 0 && value <= INT32_MAX)) problems.push(`salary.${name} is ${value} (an int column)`);
  }
  if (salary.min !== null && salary.max !== null && salary.min > salary.max) problems.push("salary.min > salary.max");
  if (!/^[A-Z]{3}$/.test(salary.currency)) problems.push(`salary.currency is ${JSON.stringify(salary.currency)}`);
  if (!INTERVALS.has(salary.interval)) problems.push(`salary.interval is ${salary.interval}`);
  return problems;
}

function locationProblems(location: LocationInfo): string[] {
  const problems: string[] = [];
  if (!["remote", "hybrid", "onsite", "unknown"].includes(location.remote)) problems.push(`remote is ${location.remote}`);
  for (const country of location.countries) if (!/^[A-Z]{2}$/.test(country)) problems.push(`country ${JSON.stringify(country)}`);
  for (const offset of [location.tzMinOffset, location.tzMaxOffset]) {
    if (offset !== null && !(Number.isInteger(offset) && offset >= OFFSET_RANGE[0] && offset <= OFFSET_RANGE[1])) problems.push(`offset ${offset}`);
  }
  if (location.tzMinOffset !== null && location.tzMaxOffset !== null && location.tzMinOffset > location.tzMaxOffset) problems.push("tzMin > tzMax");
  if ((location.tzMinOffset === null) !== (location.tzMaxOffset === null)) problems.push("only one time-zone bound");
  if (location.remote !== "remote" && location.remoteRegions.length) problems.push("remote regions on a posting that is not remote");
  return problems;
}

/** Everything that must hold of a normalized posting for ingest to store it and the pages to show it. */
function postingProblems(posting: NormalizedPosting): string[] {
  const problems = [...salaryProblems(posting.salary), ...locationProblems(posting)];
  const { roleFit } = posting;
  if (!(Number.isFinite(roleFit.score) && roleFit.score >= 0 && roleFit.score <= 1)) problems.push(`score ${roleFit.score}`);
  if (!LEVELS.has(roleFit.level) || !FAMILIES.has(roleFit.family)) problems.push(`level/family ${roleFit.level}/${roleFit.family}`);
  if (!roleFit.reasons.length || roleFit.reasons.some((reason) => typeof reason !== "string" || !reason)) problems.push("reasons");
  for (const skill of posting.skills) if (!SKILLS_BY_ID.has(skill)) problems.push(`unknown skill ${skill}`);
  if (new Set(posting.skills).size !== posting.skills.length) problems.push("repeated skills");
  if (posting.postedAt !== null && !(posting.postedAt instanceof Date && posting.postedAt.getUTCFullYear() >= 2000 && posting.postedAt.getUTCFullYear() <= 2100)) {
    problems.push(`postedAt ${String(posting.postedAt)}`);
  }
  if (!/^[0-9a-f]{64}$/.test(posting.contentHash)) problems.push("contentHash");
  if (!FILTERABLE_SLUG.test(posting.companySlug)) problems.push(`companySlug ${JSON.stringify(posting.companySlug)} cannot be linked or filtered`);
  // parse5 (the checker) is itself slow on huge nested markup; the sanitizer tests cover size separately.
  if (posting.descriptionHtml.length <= 20_000) problems.push(...unsafeMarkup(posting.descriptionHtml).map((problem) => `descriptionHtml: ${problem}`));
  problems.push(...unstorableStrings(posting).map((path) => `${path} holds NUL or a lone surrogate`));
  try {
    JSON.stringify(posting);
  } catch (error) {
    problems.push(`not serializable: ${(error as Error).message}`);
  }
  return problems;
}

/** Huge fields: descriptions and titles of hundreds of kilobytes built from what the patterns look for. */
const hugePosting: fc.Arbitrary<RawPosting> = fc
  .record({
    title: fc.oneof(repeatedString(1, 200), repeatedString(10_000, 100_000)),
    description: repeatedString(100_000, 300_000),
    asHtml: fc.boolean(),
    location: fc.oneof(repeatedString(1, 100), repeatedString(10_000, 50_000)),
    salaryText: fc.oneof(repeatedString(1, 100), repeatedString(10_000, 50_000)),
  })
  .map(({ title, description, asHtml, location, salaryText }) => ({
    externalId: "1",
    title: title.trim() ? title : "x",
    company: "Acme",
    url: "https://acme.example/jobs/1",
    locations: [location],
    ...(asHtml ? { descriptionHtml: description } : { descriptionText: description }),
    salary: { text: salaryText },
  }));

describe("normalizePosting on hostile raw postings", () => {
  it("never throws, stays within a second, and returns a storable posting (3,000 inputs)", () => {
    assertProperty(
      "normalizePosting",
      fc.property(rawPosting, (raw) => {
        const posting = withinBudget("normalizePosting", () => normalizePosting(raw));
        const problems = postingProblems(posting);
        if (problems.length) throw new Error(problems.join("; "));
        // Same input, same identity: dedup key and content hash are functions of the posting.
        const again = normalizePosting(raw);
        if (again.dedupKey !== posting.dedupKey || again.contentHash !== posting.contentHash) throw new Error("not deterministic");
      }),
      { seed: 7_001, numRuns: 3_000 },
    );
  }, TIMEOUT_MS);

  it("handles fields of hundreds of kilobytes within a second each (40 inputs)", () => {
    assertProperty(
      "normalizePosting (huge)",
      fc.property(hugePosting, (raw) => {
        const posting = withinBudget("normalizePosting", () => normalizePosting(raw));
        const problems = postingProblems(posting);
        if (problems.length) throw new Error(problems.join("; "));
      }),
      { seed: 7_002, numRuns: 40 },
    );
  }, TIMEOUT_MS);
});

/** Hostile short text, hostile long text (rarely), and the repeated pieces that probe for slow regexes. */
const anyText = fc.oneof({ weight: 6, arbitrary: hostileString(5_000) }, { weight: 1, arbitrary: repeatedString(5_000, 60_000) });

describe("the text normalizers on hostile text", () => {
  it("parseSalary and salaryFromDescription: null or a plausible salary (10,000 inputs)", () => {
    const context = fc.record({ countries: fc.array(fc.constantFrom("US", "GB", "DE", "IN", "JP", "CH", "SE", "XX", ""), { maxLength: 3 }) }, { requiredKeys: [] });
    assertProperty(
      "parseSalary",
      fc.property(anyText, context, (text, currencyContext) => {
        const salary = withinBudget("parseSalary", () => parseSalary(text, currencyContext));
        const fromDescription = withinBudget("salaryFromDescription", () => salaryFromDescription(text, currencyContext));
        const problems = [...salaryProblems(salary), ...salaryProblems(fromDescription)];
        if (problems.length) throw new Error(problems.join("; "));
      }),
      { seed: 7_101, numRuns: 10_000 },
    );
  }, TIMEOUT_MS);

  it("parseLocation: a mode, ISO countries and offsets within UTC-12..UTC+14 (10,000 inputs)", () => {
    const input = fc.record(
      {
        locations: fc.array(anyText, { maxLength: 4 }),
        remoteHint: fc.constantFrom(...MODES),
        remoteEligibility: fc.array(anyText, { maxLength: 3 }),
        text: anyText,
      },
      { requiredKeys: ["locations"] },
    );
    assertProperty(
      "parseLocation",
      fc.property(input, (value) => {
        const location = withinBudget("parseLocation", () => parseLocation(value));
        const problems = locationProblems(location);
        if (problems.length) throw new Error(problems.join("; "));
      }),
      { seed: 7_201, numRuns: 10_000 },
    );
  }, TIMEOUT_MS);

  it("classifyRole: a known family and level, a score in [0, 1], reasons (10,000 inputs)", () => {
    assertProperty(
      "classifyRole",
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (title, description) => {
        const fit = withinBudget("classifyRole", () => classifyRole({ title, description }));
        if (!FAMILIES.has(fit.family) || !LEVELS.has(fit.level)) throw new Error(`family/level ${fit.family}/${fit.level}`);
        if (!(fit.score >= 0 && fit.score <= 1)) throw new Error(`score ${fit.score}`);
        if (!fit.reasons.length) throw new Error("no reasons");
      }),
      { seed: 7_301, numRuns: 10_000 },
    );
  }, TIMEOUT_MS);

  it("extractSkills: distinct ids from the taxonomy (10,000 inputs)", () => {
    assertProperty(
      "extractSkills",
      fc.property(anyText, (text) => {
        const skills = withinBudget("extractSkills", () => extractSkills(text));
        if (skills.some((id) => !SKILLS_BY_ID.has(id)) || new Set(skills).size !== skills.length) throw new Error(`skills ${skills.join(",")}`);
      }),
      { seed: 7_401, numRuns: 10_000 },
    );
  }, TIMEOUT_MS);
});

describe("the dedup key on hostile names and titles", () => {
  const name = fc.oneof(hostileString(2_000), fc.constantFrom("字节跳动", "Яндекс", "株式会社メルカリ", "삼성전자", "!!!", "Acme, Inc.", "ACME GmbH", `${"Very Long Company Name ".repeat(10)}Inc.`));
  const title = fc.oneof(hostileString(2_000), fc.constantFrom("机器学习工程师", "数据科学家", "Инженер по машинному обучению", "Senior ML Engineer (m/w/d) - Remote"));

  it("is deterministic, bounded, and the company slug can always be linked and filtered (10,000 inputs)", () => {
    assertProperty(
      "dedupKey",
      fc.property(name, title, fc.array(hostileString(200), { maxLength: 3 }), (company, jobTitle, locations) => {
        const slug = withinBudget("companySlug", () => companySlug(company));
        if (!FILTERABLE_SLUG.test(slug)) throw new Error(`companySlug(${JSON.stringify(company.slice(0, 80))}) = ${JSON.stringify(slug)}`);
        const location = parseLocation({ locations });
        const key = withinBudget("dedupKey", () => dedupKey({ companySlug: slug, title: jobTitle, location }));
        if (key !== dedupKey({ companySlug: companySlug(company), title: jobTitle, location: parseLocation({ locations }) })) throw new Error("not deterministic");
        if (titleKey(jobTitle).length > 200) throw new Error("title key longer than 200");
        if (UNSTORABLE.test(key)) throw new Error("unstorable dedup key");
      }),
      { seed: 7_501, numRuns: 10_000 },
    );
  }, TIMEOUT_MS);

  it("keeps apart titles and companies that differ only in non-Latin letters", () => {
    expect(companySlug("字节跳动")).not.toBe(companySlug("Яндекс"));
    expect(titleKey("机器学习工程师")).not.toBe(titleKey("数据科学家"));
    expect(companySlug("Acme, Inc.")).toBe(companySlug("ACME GmbH"));
    expect(contentHash({ title: "a", locations: [], salary: null, descriptionText: "", applyUrl: null })).toMatch(/^[0-9a-f]{64}$/);
  });
});
