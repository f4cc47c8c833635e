import type { Db } from "@/lib/db";
import { postingPath } from "@/lib/format";

/** One sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;
/** The pages every sitemap lists, beside companies and postings. */
export const SITEMAP_PAGES = ["/", "/role", "/companies", "/sources"] as const;

export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

/**
 * What search engines should crawl: the site's own pages, every company with open roles, and the
 * open postings the listing shows, newest first, up to one sitemap file's limit (at a million
 * postings the oldest open ones are left to the listing's links).
 */
export async function listSitemapEntries(db: Db, options: { maxUrls?: number } = {}): Promise<SitemapEntry[]> {
  const maxUrls = options.maxUrls ?? SITEMAP_MAX_URLS;
  const companies = await db.$queryRaw<{ slug: string; updatedAt: Date }[]>`
    SELECT c.slug, max(p.updated_at) AS "updatedAt"
    FROM posting p JOIN company c ON c.id = p.company_id
    WHERE p.closed_at IS NULL AND p.fit
    GROUP BY c.slug ORDER BY c.slug
    LIMIT ${maxUrls - SITEMAP_PAGES.length}`;
  const postings = await db.$queryRaw<{ id: number; title: string; companyName: string; updatedAt: Date }[]>`
    SELECT p.id, p.title, p.company_name AS "companyName", p.updated_at AS "updatedAt"
    FROM posting p WHERE p.closed_at IS NULL AND p.fit
    ORDER BY p.sort_at DESC, p.id DESC
    LIMIT ${Math.max(0, maxUrls - SITEMAP_PAGES.length - companies.length)}`;
  return [
    ...SITEMAP_PAGES.map((path) => ({ path })),
    ...companies.map((c) => ({ path: `/companies/${c.slug}`, lastModified: c.updatedAt })),
    ...postings.map((p) => ({ path: postingPath(p), lastModified: p.updatedAt })),
  ];
}
