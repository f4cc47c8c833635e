import { describe, expect, it } from "vitest";
import { visaSponsorship } from "@/lib/normalize/visa";

const sponsors = (text: string) => visaSponsorship(text)?.sponsors ?? null;

describe("visaSponsorship", () => {
  // Phrasings from the saved board payloads (../shared/fixtures) and the demo data.
  it.each([
    "Benefits\n - Visa sponsorship and relocation support\n - Flexible parental leave",
    "Relocation support and visa sponsorship for Germany and the Netherlands",
    "You hold the right to work in the EU, or eligibility for the Dutch knowledge-migrant scheme (we sponsor)",
    "Senior ML Engineer | REMOTE (US) | Full-time | $120K-$150K + equity | Visa sponsorship available",
    "Skopje (North Macedonia) | Remote possible | Full Time | Visa Sponsorship",
    "We sponsor H-1B transfers and green cards.",
  ])("reads an offer: %s", (text) => {
    expect(sponsors(text)).toBe(true);
  });

  it.each([
    "Must be authorized to work in the US on a full-time basis for any employer that does not now or will not in the future require sponsorship of a visa for employment authorization in the US.",
    "Comp Range: $132,600- $182,250 DOE.\nSponsorship: Not at this time",
    "US-based, eligible to work in the US without sponsorship",
    "- Location: Sunnyvale, CA (onsite only)\n- Visa: No sponsorship available",
    "Must be authorized to work in the U.S. as an independent contractor. No visa sponsorship for this role.",
    "Candidates must be currently eligible to work in the United States; sponsorship is not available.",
    "Applicants must be authorized to work in the U.S.; we are unable to offer sponsorship at this time.",
    "We cannot sponsor visas for this position.",
  ])("reads a refusal: %s", (text) => {
    expect(sponsors(text)).toBe(false);
  });

  it.each([
    "We build audiences, sell sponsorships, and run a growing portfolio of content properties.",
    "Are you interested in working directly for a single sponsor while having the security of a consultancy?",
    "You will own event sponsorship and conference partnerships.",
    "We serve billions of tokens a day.",
    "",
  ])("says nothing when the posting does not: %s", (text) => {
    expect(visaSponsorship(text)).toBeNull();
  });

  it("says nothing when the posting says both, and quotes the sentence it read", () => {
    expect(visaSponsorship("We sponsor visas for Berlin. For the US role we cannot offer sponsorship.")).toBeNull();
    expect(visaSponsorship("About us.\nWhat we offer: visa sponsorship and relocation. Apply now.")).toEqual({
      sponsors: true,
      evidence: "What we offer: visa sponsorship and relocation.",
    });
  });
});

describe("visaSponsorship evidence", () => {
  it("quotes about 80 characters either side of the word in a long line, cut at spaces", () => {
    const line = `${"We build training infrastructure for robots in warehouses ".repeat(4)}and we sponsor visas for engineers who join us ${"from anywhere in the world with relocation ".repeat(4)}`;
    const { evidence } = visaSponsorship(line)!;
    expect(evidence).toMatch(/^….* and we sponsor visas for engineers .*…$/);
    expect(evidence.length).toBeLessThan(180);
    // A verbatim slice of whole words.
    expect(line).toContain(evidence.slice(1, -1));
    expect(evidence).toMatch(/^…\w.*\w…$/);
  });
});
