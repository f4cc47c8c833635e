import { describe, expect, it } from "vitest";
import { repairMojibake } from "@/scrapers/remoteok";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities, isEntityEscapedHtml } from "@/scrapers/shared/html";
import { formatPlace, httpUrl, uniqueStrings } from "@/scrapers/shared/postings";

describe("toIsoDate", () => {
  it.each([
    [1711403416463, "2024-03-25T21:50:16.463Z"],
    [1778918412, "2026-05-16T08:00:12.000Z"],
    ["2026-02-12T21:06:57-05:00", "2026-02-13T02:06:57.000Z"],
    ["2026-06-30", "2026-06-30T00:00:00.000Z"],
    ["2026-08-11 20:45:29 UTC", "2026-08-11T20:45:29.000Z"],
    ["2026-07-09T08:01:56", "2026-07-09T08:01:56.000Z"],
    ["Fri, 10 Jul 2026 22:45:30 +0000", "2026-07-10T22:45:30.000Z"],
  ])("%j → %s", (input, iso) => {
    expect(toIsoDate(input)).toBe(iso);
  });

  it.each([null, undefined, "", "soon", 0, Number.NaN])("%j → undefined", (input) => {
    expect(toIsoDate(input)).toBeUndefined();
  });
});

describe("HTML entities", () => {
  it("decodes one level only", () => {
    expect(decodeEntities("&lt;p&gt;R&amp;amp;D &amp;nbsp;&#x2F;&lt;/p&gt;")).toBe("<p>R&amp;D &nbsp;/</p>");
  });

  it("tells escaped HTML from HTML that merely contains entities", () => {
    expect(isEntityEscapedHtml("&lt;div class=&quot;content-intro&quot;&gt;")).toBe(true);
    expect(isEntityEscapedHtml("<p>x &gt; y, &lt;b&gt; is bold</p>")).toBe(false);
    expect(isEntityEscapedHtml("3 &lt; 4")).toBe(false);
  });
});

describe("repairMojibake", () => {
  it("decodes UTF-8 read as Latin-1 and leaves real Latin-1 text alone", () => {
    expect(repairMojibake("don\u00e2\u0080\u0099t \u00e2\u0080\u0093 Z\u00c3\u00bcrich \u00f0\u009f\u009a\u0080")).toBe("don’t – Zürich 🚀");
    expect(repairMojibake("Zürich, São Paulo, naïve, ±2h")).toBe("Zürich, São Paulo, naïve, ±2h");
  });
});

describe("posting helpers", () => {
  it("formats places without empty or repeated parts", () => {
    expect(formatPlace("Warsaw", "", " Poland")).toBe("Warsaw, Poland");
    expect(formatPlace("Tel Aviv", "Tel Aviv", "Israel")).toBe("Tel Aviv, Israel");
    expect(formatPlace(null, undefined, "")).toBeUndefined();
  });

  it("keeps distinct strings, first spelling wins", () => {
    expect(uniqueStrings(["NYC", " nyc ", "", null, "San  Francisco"])).toEqual(["NYC", "San Francisco"]);
  });

  it("accepts only absolute http(s) URLs, resolving relative ones against a base", () => {
    expect(httpUrl("/jobs/1", "https://acme.example/careers")).toBe("https://acme.example/jobs/1");
    expect(httpUrl("javascript:alert(1)")).toBeUndefined();
    expect(httpUrl("mailto:jobs@acme.example")).toBeUndefined();
    expect(httpUrl("not a url")).toBeUndefined();
  });
});
