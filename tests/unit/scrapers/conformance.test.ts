import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getScraper } from "@/scrapers/registry";
import { rawPostingSchema, type ParseContext, type RawPosting, type SourceKind } from "@/scrapers/types";

/** Real payloads saved from public boards: read in place, never copied into the project. */
const SHARED = path.resolve(process.cwd(), "../shared/fixtures");
const available = existsSync(SHARED);
if (!available) console.warn(`conformance: ${SHARED} is absent; the real-payload checks are skipped`);

function parseShared(kind: SourceKind, file: string, context: ParseContext = {}): RawPosting[] {
  return getScraper(kind).parse(readFileSync(path.join(SHARED, kind, file), "utf8"), context);
}

type Field = keyof RawPosting;

/** Every saved payload, what parsing it must yield, and the fields every posting of it carries. */
const cases: Array<{ kind: SourceKind; file: string; context?: ParseContext; count: number; every: Field[] }> = [
  { kind: "greenhouse", file: "anthropic-jobs-list.json", context: { token: "anthropic" }, count: 449, every: ["postedAt", "raw"] },
  { kind: "greenhouse", file: "gitlab-jobs-content-true.json", context: { token: "gitlab" }, count: 2, every: ["descriptionHtml", "department", "postedAt"] },
  { kind: "greenhouse", file: "smarterdx-jobs-content-true.json", context: { token: "smarterdx" }, count: 2, every: ["descriptionHtml", "department"] },
  { kind: "lever", file: "palantir-postings-mode-json.json", context: { token: "palantir" }, count: 2, every: ["applyUrl", "descriptionHtml", "remoteHint", "employmentType", "postedAt"] },
  { kind: "lever", file: "matchgroup-postings-mode-json-salary.json", context: { token: "matchgroup" }, count: 2, every: ["applyUrl", "descriptionHtml", "remoteHint", "department"] },
  { kind: "ashby", file: "cursor-job-board-include-compensation.json", context: { token: "cursor" }, count: 45, every: ["applyUrl", "descriptionHtml", "descriptionText", "employmentType", "postedAt"] },
  { kind: "ashby", file: "openevidence-job-board-include-compensation.json", context: { token: "openevidence" }, count: 2, every: ["applyUrl", "descriptionHtml", "remoteHint"] },
  { kind: "ashby", file: "ramp-job-board-compensation-tiers.json", context: { token: "ramp" }, count: 4, every: ["salary", "remoteHint", "descriptionHtml"] },
  { kind: "workable", file: "crewai-widget-account-details.json", context: { token: "crewai" }, count: 4, every: ["applyUrl", "descriptionHtml", "employmentType", "department", "postedAt"] },
  { kind: "workable", file: "huggingface-v3-accounts-jobs.json", context: { token: "huggingface" }, count: 3, every: ["remoteHint", "department", "postedAt"] },
  { kind: "smartrecruiters", file: "hirevue-postings-list.json", context: { token: "HireVue" }, count: 3, every: ["remoteHint", "employmentType", "department", "postedAt"] },
  { kind: "smartrecruiters", file: "hirevue-posting-detail-data-science-intern.json", context: { token: "HireVue" }, count: 1, every: ["applyUrl", "descriptionHtml"] },
  { kind: "recruitee", file: "aikidosecurity-offers.json", context: { token: "aikidosecurity" }, count: 3, every: ["applyUrl", "descriptionHtml", "remoteHint", "postedAt"] },
  { kind: "personio", file: "demo-account-positions-feed.xml", context: { token: "demo" }, count: 11, every: ["descriptionHtml", "employmentType", "postedAt"] },
  { kind: "remoteok", file: "remoteok-api-full.json", count: 55, every: ["descriptionHtml", "remoteHint", "postedAt"] },
  { kind: "remotive", file: "remotive-remote-jobs-full.json", count: 18, every: ["descriptionHtml", "remoteHint", "remoteEligibility", "employmentType"] },
  { kind: "weworkremotely", file: "remote-jobs-feed.rss", count: 4, every: ["descriptionHtml", "remoteHint", "employmentType", "postedAt"] },
  { kind: "jsonld", file: "meta-careers-software-engineer-infrastructure.html", context: { url: "https://www.metacareers.com/jobs/1/" }, count: 1, every: ["descriptionHtml", "employmentType", "postedAt"] },
  { kind: "jsonld", file: "neura-robotics-manager-ecosystem-integration.html", count: 1, every: ["descriptionHtml", "postedAt"] },
  { kind: "jsonld", file: "decathlon-talentclue-jobpage-empty-ldjson.html", context: { url: "https://decathlon.talentclue.com/job/1" }, count: 0, every: [] },
  { kind: "hackernews", file: "algolia-search-comments-story-47975571-may-2026.json", count: 82, every: ["descriptionHtml", "postedAt"] },
  { kind: "hackernews", file: "algolia-search-whoishiring-stories.json", count: 0, every: [] },
];

describe.skipIf(!available)("conformance with real board payloads (../shared/fixtures)", () => {
  it("covers every saved payload", () => {
    const saved = cases.map((entry) => `${entry.kind}/${entry.file}`);
    for (const entry of cases) expect(existsSync(path.join(SHARED, entry.kind, entry.file)), entry.file).toBe(true);
    expect(new Set(saved).size).toBe(saved.length);
  });

  describe.each(cases)("$kind/$file", ({ kind, file, context, count, every }) => {
    const postings = available ? parseShared(kind, file, context) : [];

    it(`yields ${count} postings that satisfy the RawPosting contract`, () => {
      expect(postings).toHaveLength(count);
      for (const posting of postings) {
        expect(rawPostingSchema.safeParse(posting).error?.issues ?? [], posting.externalId).toEqual([]);
        expect(posting.title).toBe(posting.title.trim());
        expect(posting.company).toBe(posting.company.trim());
        expect(posting.url).toMatch(/^https?:\/\//);
        if (posting.postedAt) expect(new Date(posting.postedAt).toISOString()).toBe(posting.postedAt);
      }
      expect(new Set(postings.map((posting) => posting.externalId)).size).toBe(postings.length);
    });

    it.skipIf(every.length === 0)(`fills ${every.join(", ")} on every posting`, () => {
      for (const posting of postings) {
        for (const field of every) expect(posting[field], `${posting.externalId}.${field}`).toBeDefined();
      }
    });
  });
});

describe.skipIf(!available)("real payloads: concrete values", () => {
  it("greenhouse: Anthropic's 449 jobs, split locations, trimmed titles, Location Type hints", () => {
    const postings = parseShared("greenhouse", "anthropic-jobs-list.json", { token: "anthropic" });
    const byId = new Map(postings.map((posting) => [posting.externalId, posting]));
    expect(postings.every((posting) => posting.company === "Anthropic")).toBe(true);
    const multi = postings.find((posting) => posting.locations.includes("Ontario, CAN"));
    expect(multi?.locations).toEqual(["London, UK", "Ontario, CAN", "Remote-Friendly, United States", "San Francisco, CA"]);
    expect(byId.get("5074975008")).toMatchObject({
      title: "Account Coordinator",
      locations: ["New York City, NY", "San Francisco, CA"],
      postedAt: "2026-02-13T02:06:57.000Z",
      raw: { internalJobId: 4405816008, requisitionId: "PIP-12095" },
    });
    const hints = postings.reduce<Record<string, number>>((counts, posting) => {
      const hint = posting.remoteHint ?? "none";
      counts[hint] = (counts[hint] ?? 0) + 1;
      return counts;
    }, {});
    expect(hints).toEqual({ onsite: 249, none: 175, hybrid: 14, remote: 11 });
  });

  it("greenhouse: GitLab's escaped content decodes to HTML that holds the pay range", () => {
    const engineer = parseShared("greenhouse", "gitlab-jobs-content-true.json", { token: "gitlab" }).find((posting) => posting.title === "AI Engineer");
    expect(engineer?.locations).toEqual(["Remote, US"]);
    expect(engineer?.descriptionHtml).toMatch(/^<div class="content-intro"><p>GitLab is/);
    expect(engineer?.descriptionHtml).toContain("$108,400</span>");
    expect(engineer?.descriptionHtml).toContain("<span>$129,600 USD</span>");
    expect(engineer?.descriptionHtml).not.toContain("&lt;");
    // The pay-transparency block is the only place the range is stated: it becomes the salary text.
    expect(engineer?.salary).toEqual({ text: "$108,400—$129,600 USD" });
  });

  it("greenhouse: SmarterDx trailing spaces are trimmed", () => {
    const postings = parseShared("greenhouse", "smarterdx-jobs-content-true.json", { token: "smarterdx" });
    expect(postings.map((posting) => [posting.title, posting.department, posting.company])).toEqual([
      ["Client Support Analyst I", "Customer Success", "SmarterDx"],
      ["Clinical Coding Specialist", "Clinical Operations", "SmarterDx"],
    ]);
  });

  it("lever: salaryRange becomes structured salary; millisecond timestamps become ISO", () => {
    const [hinge, azar] = parseShared("lever", "matchgroup-postings-mode-json-salary.json", { token: "matchgroup" });
    expect(hinge).toMatchObject({
      title: "Android Engineer III",
      company: "matchgroup",
      salary: { min: 150000, max: 180000, currency: "USD", interval: "per-year-salary" },
      locations: ["New York, New York"],
      postedAt: "2026-05-19T20:38:11.267Z",
      department: "Hinge",
    });
    expect(hinge?.descriptionHtml).toContain("<h3>Responsibilities</h3><ul>");
    expect(azar?.salary).toBeUndefined();
    expect(azar?.descriptionHtml).toContain("[Android Team 소개]");
    const [palantir] = parseShared("lever", "palantir-postings-mode-json.json", { token: "palantir" });
    expect(palantir).toMatchObject({ remoteHint: "hybrid", raw: { country: "GB" }, locations: ["London, United Kingdom"] });
  });

  it("ashby: the Salary component of the compensation summary, flags from workplaceType", () => {
    const ramp = parseShared("ashby", "ramp-job-board-compensation-tiers.json", { token: "ramp" });
    expect(ramp[0]).toMatchObject({
      title: "Security Engineer, Cloud",
      salary: { min: 211400, max: 290600, currency: "USD", interval: "1 YEAR", text: "$211.4K – $290.6K • Offers Equity" },
      remoteHint: "hybrid",
      locations: ["New York, NY (HQ)", "Remote (Canada)", "Remote (US)", "Miami, FL"],
    });
    expect(ramp.map((posting) => [posting.salary?.min, posting.salary?.max])).toEqual([
      [211400, 290600],
      [80000, 110000],
      [110000, 120000],
      [189000, 330000],
    ]);
    const cursor = parseShared("ashby", "cursor-job-board-include-compensation.json", { token: "cursor" });
    expect(cursor.every((posting) => posting.salary === undefined)).toBe(true);
    expect(cursor.filter((posting) => posting.remoteHint === undefined)).toHaveLength(24);
    expect(cursor[0]).toMatchObject({ title: "Software Engineer, Growth", company: "cursor", locations: ["SF / NY"] });
    const [openEvidence] = parseShared("ashby", "openevidence-job-board-include-compensation.json", { token: "openevidence" });
    expect(openEvidence).toMatchObject({ locations: ["San Francisco", "Miami"], remoteHint: "onsite" });
  });

  it("workable: widget and v3 payloads", () => {
    const [latam] = parseShared("workable", "crewai-widget-account-details.json", { token: "crewai" });
    expect(latam).toMatchObject({
      externalId: "3862836931",
      company: "CrewAI",
      locations: ["São Paulo, State of São Paulo, Brazil"],
      remoteHint: "remote",
      postedAt: "2026-06-30T00:00:00.000Z",
      applyUrl: "https://apply.workable.com/j/3862836931/apply",
    });
    const v3 = parseShared("workable", "huggingface-v3-accounts-jobs.json", { token: "huggingface" });
    expect(v3.map((posting) => posting.locations[0])).toEqual(["United States", "France", "Paris, Île-de-France, France"]);
    expect(v3[0]).toMatchObject({ company: "huggingface", url: "https://apply.workable.com/j/F8427A442D", employmentType: "full", raw: { id: 5856207 } });
  });

  it("smartrecruiters: list and detail", () => {
    const list = parseShared("smartrecruiters", "hirevue-postings-list.json", { token: "HireVue" });
    expect(list[1]).toMatchObject({ locations: ["Warsaw, Poland"], remoteHint: "remote", company: "HireVue Inc", url: "https://jobs.smartrecruiters.com/HireVue/744000136509359" });
    const [detail] = parseShared("smartrecruiters", "hirevue-posting-detail-data-science-intern.json", { token: "HireVue" });
    expect(detail).toMatchObject({ externalId: "744000138728139", employmentType: "Part-time", raw: { departmentId: "2802610", refNumber: "REF307T" } });
    expect(detail?.descriptionHtml).toMatch(/^<h3>Company Description<\/h3><p>Hirevue is where hiring happens/);
    expect(detail?.descriptionHtml).toContain("<h3>Qualifications</h3>");
  });

  it("recruitee: a 75.00-per-year salary stays out of salary, in raw", () => {
    const offers = parseShared("recruitee", "aikidosecurity-offers.json", { token: "aikidosecurity" });
    const chicago = offers.find((posting) => posting.title === "Office Manager Chicago");
    expect(chicago?.salary).toBeUndefined();
    expect(chicago?.raw?.salaryAsGiven).toEqual({ min: "75.00", max: "95.00", period: "year", currency: "USD" });
    expect(chicago).toMatchObject({ remoteHint: "onsite", locations: ["Chicago, Illinois, United States"], postedAt: "2026-08-10T15:13:59.000Z" });
    expect(offers[0]).toMatchObject({ remoteHint: "remote", locations: ["Tel Aviv, Israel"], company: "Aikido Security" });
    expect(offers[0]?.raw).not.toHaveProperty("mailbox_email");
  });

  it("personio: sections, offices, salary and a job URL built from the token", () => {
    const positions = parseShared("personio", "demo-account-positions-feed.xml", { token: "demo" });
    expect(positions[0]).toMatchObject({
      externalId: "2140231",
      url: "https://demo.jobs.personio.de/job/2140231",
      locations: ["London"],
      salary: { min: 100000, currency: "GBP", interval: "yearly" },
      raw: { keywords: ["Compliance", "Immigration"], schedule: "full-time" },
    });
    expect(positions[0]?.descriptionHtml).toMatch(/^<h3>Your mission<\/h3>The International Affairs Office Manager/);
    expect(positions.find((posting) => posting.externalId === "2140224")?.descriptionHtml).toContain("<h3>Weiterer Text</h3>");
  });

  it("remoteok: legal notice skipped, mojibake repaired, 0 salaries unknown", () => {
    const jobs = parseShared("remoteok", "remoteok-api-full.json");
    expect(jobs.some((posting) => /[\u00c2-\u00f4][\u0080-\u00bf]/.test(posting.descriptionHtml ?? ""))).toBe(false);
    expect(jobs.some((posting) => (posting.descriptionHtml ?? "").includes("don’t") || (posting.descriptionHtml ?? "").includes("’"))).toBe(true);
    expect(jobs.find((posting) => posting.title.startsWith("Paralegal"))?.title).toBe("Paralegal Contract Management & Legal Operations");
    expect(jobs.filter((posting) => posting.salary).map((posting) => [posting.company, posting.salary?.min, posting.salary?.max])).toEqual([
      ["SuperPlane", 70000, 150000],
      ["Sticker Mule", 150000, 250000],
      ["Wealthsimple Technologies", 151200, 189000],
    ]);
    expect(jobs[0]).toMatchObject({ company: "Avalere Health", locations: ["London"], url: "https://remoteok.com/remote-jobs/remote-it-support-technician-avalere-health-1131612" });
  });

  it("remotive: salary as text only when it has a figure; candidate location as eligibility", () => {
    const jobs = parseShared("remotive", "remotive-remote-jobs-full.json");
    expect(jobs[1]).toMatchObject({ salary: { text: "$75k - $95k" }, remoteEligibility: ["USA"], postedAt: "2026-05-15T06:54:14.000Z" });
    expect(jobs.find((posting) => posting.title === "Mid/Senior AI Video Artist")?.salary).toBeUndefined();
    expect(jobs[0]?.remoteEligibility).toEqual(["Americas", "Europe", "Asia", "Oceania"]);
  });

  it("weworkremotely: 'Company: Role' titles, XML-escaped HTML decoded once", () => {
    const [mathmo] = parseShared("weworkremotely", "remote-jobs-feed.rss");
    expect(mathmo).toMatchObject({ company: "Mathmo", title: "Maths Coach", remoteEligibility: ["Anywhere in the World"], employmentType: "Contract" });
    expect(mathmo?.descriptionHtml).toMatch(/^<img src="https:\/\/we-work-remotely/);
    expect(mathmo?.descriptionHtml).toContain("<strong>Headquarters:</strong> London");
  });

  it("jsonld: Meta's places by name, Neura's identifier and NBSP-led description", () => {
    const [meta] = parseShared("jsonld", "meta-careers-software-engineer-infrastructure.html", { url: "https://www.metacareers.com/jobs/1/" });
    expect(meta).toMatchObject({ company: "Meta", title: "Software Engineer, Infrastructure", employmentType: "Full-time", url: "https://www.metacareers.com/jobs/1/" });
    expect(meta?.locations).toHaveLength(9);
    expect(meta?.locations).toContain("Remote, US");
    expect(meta?.descriptionHtml).toContain("<h3>Responsibilities</h3><ul><li>Collaborate with cross-functional teams");
    const [neura] = parseShared("jsonld", "neura-robotics-manager-ecosystem-integration.html");
    expect(neura).toMatchObject({
      externalId: "00df0928-b013-448c-b3dd-6c6fb80eadc2",
      company: "Neura Robotics GmbH",
      locations: ["Metzingen, DE"],
      url: "https://jobs.neura-robotics.com/offer/manager-ecosystem-integration-certi/00df0928-b013-448c-b3dd-6c6fb80eadc2",
    });
    expect(neura?.descriptionHtml).toMatch(/^<strong>Your mission &amp; challenges<\/strong>/);
    expect(neura?.descriptionHtml).not.toContain("\\n");
  });

  it("hackernews: top-level comments only, header fields detected, several roles per comment", () => {
    const payload = JSON.parse(readFileSync(path.join(SHARED, "hackernews/algolia-search-comments-story-47975571-may-2026.json"), "utf8")) as {
      hits: Array<{ objectID: string; parent_id: number; story_id: number }>;
    };
    const topLevel = new Set(payload.hits.filter((hit) => hit.parent_id === hit.story_id).map((hit) => hit.objectID));
    const postings = parseShared("hackernews", "algolia-search-comments-story-47975571-may-2026.json");
    expect(postings.every((posting) => topLevel.has(posting.externalId.split("#")[0]!))).toBe(true);
    const byId = new Map(postings.map((posting) => [posting.externalId, posting]));
    expect(byId.get("48147597")).toMatchObject({
      company: "Woosmap",
      title: "Backend Engineer (Mid-level & Senior)",
      url: "https://news.ycombinator.com/item?id=48147597",
      remoteHint: "remote",
      remoteEligibility: ["UTC-1 to UTC+2"],
      employmentType: "Full-time",
      postedAt: "2026-05-15T12:06:57.000Z",
    });
    expect(byId.get("48147597")?.descriptionHtml).toMatch(/^<p>We run location APIs\./);
    expect(byId.get("48113023")).toMatchObject({ company: "Forage", locations: ["NYC"], remoteHint: "hybrid", salary: { text: "$185,000 - $200,000 per year base" } });
    expect(["48069453#1", "48069453#2", "48069453#3"].map((id) => byId.get(id)?.title)).toEqual([
      "Senior Infrastructure Engineer",
      "Principal Software Engineer",
      "Software Engineering Manager",
    ]);
    expect(byId.get("48020352#4")).toMatchObject({
      company: "G-Research",
      title: "Machine Learning Engineer",
      applyUrl: "https://www.gresearch.com/vacancies/machine-learning-engineer/",
      locations: ["London, UK"],
      remoteHint: "onsite",
    });
    expect(byId.get("48023051")).toMatchObject({ company: "Wildkind", title: "Performance Marketing Manager", salary: { text: "£54,000 to £65,000" } });
    // Replies and comments that are not job posts yield nothing.
    expect(byId.has("48159036")).toBe(false);
    expect(byId.has("48025080")).toBe(false);
  });
});
