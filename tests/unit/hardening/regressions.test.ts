/**
 * One small, fixed example of each bug the property-based tests found, so each stays fixed even if
 * the generators change. The properties themselves live in the other files of this folder.
 */
import { describe, expect, it } from "vitest";
import { greenhouse } from "@/scrapers/greenhouse";
import { PayloadError, rawPostingSchema } from "@/scrapers/types";

const minimal = { externalId: "1", title: "Staff ML Engineer", company: "Acme", url: "https://acme.example/jobs/1" };

describe("postings only link to http(s) pages", () => {
  it("rawPostingSchema refuses javascript:, data: and mailto: links", () => {
    expect(rawPostingSchema.safeParse(minimal).success).toBe(true);
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:jobs@acme.example", "A:"]) {
      expect(rawPostingSchema.safeParse({ ...minimal, url }).success, url).toBe(false);
      expect(rawPostingSchema.safeParse({ ...minimal, applyUrl: url }).success, url).toBe(false);
    }
  });

  it("a board whose job link is javascript: fails with a PayloadError naming the field", () => {
    const payload = JSON.stringify({ jobs: [{ id: 7, title: "Staff ML Engineer", absolute_url: "javascript:alert(1)" }] });
    expect(() => greenhouse.parse(payload, { token: "acme" })).toThrow(PayloadError);
    expect(() => greenhouse.parse(payload, { token: "acme" })).toThrow(/^greenhouse payload: posting 0 \(7\): url: /);
  });
});
