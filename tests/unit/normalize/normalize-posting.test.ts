import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePosting, parsePostedAt } from "@/lib/normalize";
import { parseEmploymentType } from "@/lib/normalize/employment-type";
import { classifyRole } from "@/lib/normalize/role-fit";
import { extractSkills } from "@/lib/normalize/skills";
import { rawPostingSchema, type RawPosting } from "@/scrapers/types";

const DESCRIPTION = [
  `&lt;div class=&quot;content-intro&quot;&gt;&lt;h1&gt;About the role&lt;/h1&gt;&lt;p&gt;You will train and serve large models with PyTorch and Kubernetes.&lt;/p&gt;&lt;/div&gt;`,
  `&lt;p&gt;This role is fully remote within the US.&lt;/p&gt;`,
  `&lt;p&gt;The base salary range for this role is $180,000 - $240,000.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;`,
].join("");

function posting(overrides: Partial<RawPosting> = {}): RawPosting {
  return rawPostingSchema.parse({
    externalId: "4001",
    title: "Sr. Machine Learning Engineer  ",
    company: "Acme, Inc.",
    url: "https://boards.example.com/acme/jobs/4001",
    applyUrl: "https://boards.example.com/acme/jobs/4001/apply",
    locations: ["San Francisco, CA"],
    employmentType: "FullTime",
    descriptionHtml: DESCRIPTION,
    postedAt: "2026-02-12T21:06:57-05:00",
    raw: { internal_job_id: 77 },
    ...overrides,
  });
}

describe("normalizePosting", () => {
  it("reads visa sponsorship from the sanitized description, list items kept apart", () => {
    const offer = "&lt;ul&gt;&lt;li&gt;Lunch and dinner in the office&lt;/li&gt;&lt;li&gt;Visa sponsorship and relocation support&lt;/li&gt;&lt;/ul&gt;";
    expect(normalizePosting(posting({ descriptionHtml: DESCRIPTION + offer })).sponsorsVisa).toBe(true);
    const refusal = "&lt;p&gt;Must be authorized to work in the US; we are unable to offer sponsorship.&lt;/p&gt;";
    expect(normalizePosting(posting({ descriptionHtml: DESCRIPTION + refusal })).sponsorsVisa).toBe(false);
    expect(normalizePosting(posting()).sponsorsVisa).toBeNull();
  });

  it("assembles every part of a posting", () => {
    const normalized = normalizePosting(posting());
    expect(normalized).toMatchObject({
      externalId: "4001",
      title: "Sr. Machine Learning Engineer",
      companyName: "Acme, Inc.",
      companySlug: "acme",
      url: "https://boards.example.com/acme/jobs/4001",
      applyUrl: "https://boards.example.com/acme/jobs/4001/apply",
      employmentType: "full_time",
      remote: "remote",
      countries: ["US"],
      cities: ["San Francisco"],
      raw: { internal_job_id: 77 },
    });
    expect(normalized.postedAt?.toISOString()).toBe("2026-02-13T02:06:57.000Z");
    expect(normalized.descriptionHtml).toContain("<h2>About the role</h2>");
    expect(normalized.descriptionHtml).not.toMatch(/script|&lt;p&gt;/);
    expect(normalized.descriptionText).toContain("The base salary range for this role is $180,000 - $240,000.");
    expect(normalized.salary).toMatchObject({ min: 180_000, max: 240_000, currency: "USD", interval: "year" });
    expect(normalized.dedupKey).toBe("acme:senior ml engineer:remote:any");
    expect(normalized.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes role fit and skills from the title and the description text", () => {
    const normalized = normalizePosting(posting());
    expect(normalized.roleFit).toEqual(classifyRole({ title: normalized.title, description: normalized.descriptionText }));
    expect(normalized.skills).toEqual(extractSkills(`${normalized.title}\n${normalized.descriptionText}`));
  });

  it("prefers structured salary, then the salary text, then the description", () => {
    const structured = { min: 150_000, max: 170_000, currency: "USD", interval: "per-year-salary", text: "€90k–110k" };
    expect(normalizePosting(posting({ salary: structured })).salary).toMatchObject({ min: 150_000, currency: "USD" });
    expect(normalizePosting(posting({ salary: { text: "€90k–110k" } })).salary).toMatchObject({ min: 90_000, currency: "EUR" });
    expect(normalizePosting(posting({ salary: { text: "competitive" } })).salary).toMatchObject({ min: 180_000, currency: "USD" });
    expect(normalizePosting(posting({ descriptionHtml: "<p>Great team.</p>" })).salary).toBeNull();
  });

  it("reads kr with the posting's country as context", () => {
    const normalized = normalizePosting(posting({ locations: ["Oslo, Norway"], salary: { text: "kr 900 000 - 1 100 000 per year" } }));
    expect(normalized.salary?.currency).toBe("NOK");
  });

  it("builds HTML from a plain-text description and cleans one-line fields", () => {
    const normalized = normalizePosting(
      posting({ title: "ML Engineer &amp; Researcher", descriptionHtml: undefined, descriptionText: "Line one\n\nLine <two>" }),
    );
    expect(normalized.title).toBe("ML Engineer & Researcher");
    expect(normalized.descriptionHtml).toBe("<p>Line one</p><p>Line &lt;two&gt;</p>");
    expect(normalized.descriptionText).toBe("Line one\nLine <two>");
  });

  it("uses the Source's company name when given, so two boards of one company meet", () => {
    const a = normalizePosting(posting({ company: "matchgroup" }), { companyName: "Hinge" });
    const b = normalizePosting(posting({ company: "Hinge, Inc.", externalId: "other" }));
    expect(a.companySlug).toBe("hinge");
    expect(a.dedupKey).toBe(b.dedupKey);
  });

  it("falls back to unknowns and nulls", () => {
    const normalized = normalizePosting(
      posting({ locations: [], employmentType: undefined, descriptionHtml: undefined, postedAt: "not a date", applyUrl: undefined, raw: undefined }),
    );
    expect(normalized).toMatchObject({ remote: "unknown", employmentType: "unknown", descriptionHtml: "", descriptionText: "", postedAt: null, applyUrl: null, raw: null, salary: null });
  });

  it("reads the employment type from the title when the board gives none", () => {
    expect(normalizePosting(posting({ title: "Machine Learning Intern", employmentType: undefined })).employmentType).toBe("internship");
  });

  it("never throws on a posting that passed the schema", () => {
    const rawPosting = fc.record(
      {
        externalId: fc.string({ minLength: 1 }),
        title: fc.string({ minLength: 1 }),
        company: fc.string({ minLength: 1 }),
        url: fc.webUrl(),
        applyUrl: fc.webUrl(),
        locations: fc.array(fc.oneof(fc.string(), fc.constantFrom("Remote (US only)", "SF / NY / Remote", "UTC-5 to UTC+1", "Zürich, CH", "(((", "CA, CA, CA"))),
        remoteHint: fc.constantFrom("remote" as const, "hybrid" as const, "onsite" as const),
        remoteEligibility: fc.array(fc.string()),
        employmentType: fc.string(),
        descriptionHtml: fc.oneof(fc.string(), fc.constantFrom("<p>$180k-$240k</p><script>x</script>", "&lt;p&gt;x", "<div><p>a<div>b")),
        descriptionText: fc.string(),
        salary: fc.record(
          {
            min: fc.double(),
            max: fc.double(),
            currency: fc.oneof(fc.string(), fc.constantFrom("USD", "EUR", "kr")),
            interval: fc.string(),
            text: fc.oneof(fc.string(), fc.constantFrom("$95/hr", "₹40 LPA", "CHF 150'000", "USD 200k+")),
          },
          { requiredKeys: [] },
        ),
        postedAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
      },
      { requiredKeys: ["externalId", "title", "company", "url"] },
    );
    fc.assert(
      fc.property(rawPosting, (candidate) => {
        const parsed = rawPostingSchema.safeParse(candidate);
        if (!parsed.success) return;
        const normalized = normalizePosting(parsed.data);
        expect(normalized.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(Number.isInteger(normalized.salary?.annualUsdMin ?? 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("normalizes a thousand postings with 5 KB descriptions well within a second per hundred", () => {
    const paragraph = "<p>You will design, train and deploy <strong>machine learning</strong> systems with PyTorch, Ray and Kubernetes. ";
    const html = `<div><h1>About</h1>${paragraph.repeat(Math.ceil(5000 / paragraph.length))}</p><ul><li>Python</li><li>CUDA</li></ul></div>`;
    const postings = Array.from({ length: 1000 }, (_, index) =>
      posting({ externalId: String(index), descriptionHtml: `${html}<p>${index}</p>`, locations: [["Remote (US only)", "London, UK", "SF / NY / Remote"][index % 3] ?? ""] }),
    );
    const started = process.cpuUsage();
    for (const raw of postings) normalizePosting(raw);
    const used = process.cpuUsage(started);
    // About 1.5 s of CPU here; the bound only catches a pathological slowdown (a regex gone quadratic).
    expect((used.user + used.system) / 1e6).toBeLessThan(10);
  });
});

describe("parsePostedAt", () => {
  it.each([
    ["2026-02-12T21:06:57-05:00", "2026-02-13T02:06:57.000Z"],
    ["2026-07-09T08:01:56", "2026-07-09T08:01:56.000Z"],
    ["2026-06-01 10:00:00 UTC", "2026-06-01T10:00:00.000Z"],
    ["1767225600", "2026-01-01T00:00:00.000Z"],
    ["1767225600000", "2026-01-01T00:00:00.000Z"],
    ["Mon, 01 Jun 2026 10:00:00 +0000", "2026-06-01T10:00:00.000Z"],
    ["yesterday", null],
    ["1900-01-01", null],
  ])("%s", (value, iso) => {
    expect(parsePostedAt(value)?.toISOString() ?? null).toBe(iso);
  });
});

describe("parseEmploymentType", () => {
  it.each([
    ["FullTime", "full_time"],
    ["Full-time", "full_time"],
    ["full", "full_time"],
    ["FULL_TIME", "full_time"],
    ["fulltime_permanent", "full_time"],
    ["Permanent", "full_time"],
    ["Regular Full Time (Salary)", "full_time"],
    ["Full-time or part-time", "full_time"],
    ["PartTime", "part_time"],
    ["Part-time", "part_time"],
    ["Intern", "internship"],
    ["Internship (full-time)", "internship"],
    ["Contractor", "contract"],
    ["CONTRACT (1099), 10-20 hrs/week", "contract"],
    ["Freelance", "contract"],
    ["Temporary", "temporary"],
    ["Fixed-term", "temporary"],
    ["Full Stack Engineer", "unknown"],
    ["Internal Tools Engineer", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (text, type) => {
    expect(parseEmploymentType(text)).toBe(type);
  });
});
