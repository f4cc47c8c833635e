import { XMLBuilder } from "fast-xml-parser";
import type { SitemapEntry } from "./sitemap-entries";

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const builder = new XMLBuilder({ ignoreAttributes: false, processEntities: true });

const located = (entries: readonly SitemapEntry[], site: string) =>
  entries.map((entry) => ({ loc: new URL(entry.path, site).toString(), ...(entry.lastModified ? { lastmod: new Date(entry.lastModified).toISOString() } : {}) }));

function document(root: string, child: string, entries: readonly SitemapEntry[], site: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: { "@_xmlns": NAMESPACE, [child]: located(entries, site) } })}`;
}

/** A sitemap file (`<urlset>`) of these pages. */
export function renderUrlset(entries: readonly SitemapEntry[], site: string): string {
  return document("urlset", "url", entries, site);
}

/** The sitemap index (`<sitemapindex>`) of these files. */
export function renderSitemapIndex(files: readonly SitemapEntry[], site: string): string {
  return document("sitemapindex", "sitemap", files, site);
}

/** Crawlers read sitemaps now and then: a few minutes' staleness costs nothing. */
export function sitemapResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
