import type { NormalizedPosting } from "@/lib/normalize/types";

/** A NormalizedPosting with realistic defaults; tests override what they are about. */
export function makePosting(overrides: Partial<NormalizedPosting> & { externalId: string }): NormalizedPosting {
  const title = overrides.title ?? "Senior Machine Learning Engineer";
  const companyName = overrides.companyName ?? "Tensorlane";
  return {
    title,
    companyName,
    companySlug: companyName.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    url: `https://boards.example.test/${overrides.externalId}`,
    applyUrl: null,
    employmentType: "full_time",
    roleFit: { family: "ml_engineering", level: "senior", fit: true, score: 0.9, reasons: ["title says Senior Machine Learning Engineer"] },
    skills: ["pytorch", "kubernetes"],
    salary: null,
    sponsorsVisa: null,
    descriptionHtml: "<p>Build ML systems.</p>",
    descriptionText: "Build ML systems.",
    postedAt: null,
    dedupKey: `${companyName}|${title}|${overrides.externalId}`.toLowerCase(),
    contentHash: `hash-${overrides.externalId}`,
    raw: null,
    locations: [{ raw: "Remote (US)", country: "US" }],
    countries: ["US"],
    cities: [],
    remote: "remote",
    remoteRegions: ["US"],
    tzMinOffset: null,
    tzMaxOffset: null,
    ...overrides,
  };
}
