import { describe, expect, it } from "vitest";
import { companySlug, contentHash, dedupKey, titleKey, type ContentFields } from "@/lib/normalize/dedup";
import { parseLocation } from "@/lib/normalize/location";

function keyOf(company: string, title: string, locations: string[], remoteHint?: "remote" | "hybrid" | "onsite") {
  return dedupKey({ companySlug: companySlug(company), title, location: parseLocation({ locations, remoteHint }) });
}

describe("companySlug", () => {
  it.each([
    ["Acme, Inc.", "acme"],
    ["ACME GmbH", "acme"],
    ["Acme Ltd", "acme"],
    ["Zürich Labs AG", "zurich-labs"],
    ["Arco Educação ", "arco-educacao"],
    ["Hinge (Match Group)", "hinge"],
    ["Palantir Technologies Inc.", "palantir-technologies"],
    ["AT&T", "at-and-t"],
    ["Inc", "inc"],
  ])("%s → %s", (name, slug) => {
    expect(companySlug(name)).toBe(slug);
  });
});

describe("titleKey", () => {
  it("spells one role one way", () => {
    const key = titleKey("Senior Machine Learning Engineer");
    expect(titleKey("Sr. Machine Learning Engineer (m/w/d)")).toBe(key);
    expect(titleKey("Senior ML Engineer - Remote")).toBe(key);
    expect(titleKey("Senior MLE (all genders)")).toBe(key);
    expect(titleKey("Senior Machine Learning Engineer (London, UK)")).toBe(key);
    expect(titleKey("  Senior  Machine Learning Engineer ")).toBe(key);
  });

  it("keeps what tells roles apart", () => {
    expect(titleKey("Staff ML Engineer")).not.toBe(titleKey("Senior ML Engineer"));
    expect(titleKey("Software Engineer II")).not.toBe(titleKey("Software Engineer III"));
    expect(titleKey("ML Engineer, Inference")).not.toBe(titleKey("ML Engineer, Training"));
    expect(titleKey("Engineer, ML")).toBe("engineer ml");
  });
});

describe("dedupKey", () => {
  it("makes the same job on two boards of one company one posting", () => {
    const greenhouse = keyOf("Acme, Inc.", "Senior Machine Learning Engineer", ["Remote, US"]);
    const ashby = keyOf("Acme", "Sr. Machine Learning Engineer (Remote)", ["Remote - United States"]);
    expect(ashby).toBe(greenhouse);
  });

  it("makes a re-post under a new id the same posting", () => {
    expect(keyOf("Acme", "ML Engineer", ["Berlin, Germany"])).toBe(keyOf("Acme", "ML Engineer ", ["Berlin, DE"]));
  });

  it("keeps the same title in two cities apart", () => {
    expect(keyOf("Anthropic", "Research Engineer", ["San Francisco, CA"])).not.toBe(keyOf("Anthropic", "Research Engineer", ["New York City, NY"]));
  });

  it("keeps distinct roles, companies and remote regions apart", () => {
    const base = keyOf("Acme", "Senior ML Engineer", ["Remote, US"]);
    expect(keyOf("Acme", "Staff ML Engineer", ["Remote, US"])).not.toBe(base);
    expect(keyOf("Globex", "Senior ML Engineer", ["Remote, US"])).not.toBe(base);
    expect(keyOf("Acme", "Senior ML Engineer", ["Remote - Europe"])).not.toBe(base);
  });

  it("treats hybrid and on-site listings of one office as one place", () => {
    expect(keyOf("Acme", "ML Engineer", ["Hybrid - London"])).toBe(keyOf("Acme", "ML Engineer", ["London, UK"]));
  });
});

describe("contentHash", () => {
  const fields: ContentFields = {
    title: "ML Engineer",
    locations: [{ raw: "London, UK", city: "London", country: "GB" }],
    salary: { min: 1, max: 2, currency: "GBP", interval: "year", annualUsdMin: 1, annualUsdMax: 3 },
    descriptionText: "Build models.",
    applyUrl: "https://example.com/apply",
  };

  it("is sha256 hex, stable across key order and extra fields", () => {
    const hash = contentHash(fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered: ContentFields = {
      applyUrl: fields.applyUrl,
      descriptionText: fields.descriptionText,
      salary: { annualUsdMax: 3, annualUsdMin: 1, interval: "year", currency: "GBP", max: 2, min: 1 },
      locations: [{ country: "GB", city: "London", raw: "London, UK" }],
      title: fields.title,
    };
    expect(contentHash(reordered)).toBe(hash);
    expect(contentHash({ ...fields, externalId: "other" } as ContentFields)).toBe(hash);
  });

  it("changes when anything a person sees changes", () => {
    const hash = contentHash(fields);
    expect(contentHash({ ...fields, title: "Senior ML Engineer" })).not.toBe(hash);
    expect(contentHash({ ...fields, descriptionText: "Build better models." })).not.toBe(hash);
    expect(contentHash({ ...fields, salary: null })).not.toBe(hash);
    expect(contentHash({ ...fields, applyUrl: null })).not.toBe(hash);
    expect(contentHash({ ...fields, locations: [] })).not.toBe(hash);
  });
});
