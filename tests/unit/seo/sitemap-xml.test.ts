import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderSitemapIndex, renderUrlset } from "@/lib/seo/sitemap-xml";

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "sitemap" }).parse(xml);

describe("sitemap XML", () => {
  it("writes a urlset of absolute, escaped URLs with their last change", () => {
    const xml = renderUrlset([{ path: "/jobs/7/a-b?x=1&y=2", lastModified: new Date("2026-11-26T12:00:00Z") }, { path: "/" }], "https://mlradar.example");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n/);
    expect(xml).toContain("x=1&amp;y=2");
    expect(parse(xml).urlset.url).toEqual([{ loc: "https://mlradar.example/jobs/7/a-b?x=1&y=2", lastmod: "2026-11-26T12:00:00.000Z" }, { loc: "https://mlradar.example/" }]);
  });

  it("takes dates that came back from the cache as strings", () => {
    const xml = renderUrlset([{ path: "/", lastModified: "2026-11-26T12:00:00.000Z" as unknown as Date }], "https://mlradar.example");
    expect(parse(xml).urlset.url[0].lastmod).toBe("2026-11-26T12:00:00.000Z");
  });

  it("writes a sitemap index of the files", () => {
    const xml = renderSitemapIndex([{ path: "/sitemaps/pages.xml" }, { path: "/sitemaps/postings-0.xml", lastModified: new Date("2026-11-26T12:00:00Z") }], "https://mlradar.example");
    expect(parse(xml).sitemapindex["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(parse(xml).sitemapindex.sitemap).toEqual([
      { loc: "https://mlradar.example/sitemaps/pages.xml" },
      { loc: "https://mlradar.example/sitemaps/postings-0.xml", lastmod: "2026-11-26T12:00:00.000Z" },
    ]);
  });
});
