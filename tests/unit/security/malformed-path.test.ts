import { describe, expect, it } from "vitest";
import { malformedPathResponse, malformedSegment } from "@/lib/security/malformed-path";

describe("malformed paths", () => {
  it("finds the segment whose percent-escapes do not decode", () => {
    expect(malformedSegment("/jobs/%ZZ/x")).toBe("%ZZ");
    expect(malformedSegment("/companies/%E0%A4%A")).toBe("%E0%A4%A");
    expect(malformedSegment("/a/b%2")).toBe("b%2");
    expect(malformedSegment("/x/%C3")).toBe("%C3");
  });

  it("passes paths that decode, escaped or not", () => {
    for (const path of ["/", "/jobs/12/staff-ml-engineer", "/companies/caf%C3%A9", "/ok/%20x%2F", "/sitemaps/postings-0.xml"]) expect(malformedSegment(path), path).toBeNull();
  });

  it("answers 400 with a page that says what is wrong, the segment escaped", async () => {
    const response = malformedPathResponse("<b>%ZZ");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("This address cannot be read");
    expect(html).toContain("<code>&lt;b&gt;%ZZ</code>");
    expect(html).toContain('href="/"');
  });
});
