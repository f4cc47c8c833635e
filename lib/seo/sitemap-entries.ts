import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { postingPath } from "@/lib/format";

/** One sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;
/** The pages the first sitemap file lists, before the companies. */
export const SITEMAP_PAGES = ["/", "/role", "/companies", "/sources"] as const;

export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

/** The open postings the listing shows: what search engines should crawl. */
const LISTED = Prisma.sql`p.closed_at IS NULL AND p.fit`;

/** The file of the postings whose ids fall in one block of `maxUrls`: a posting stays in one file while it is open. */
export function postingsSitemapPath(block: number): string {
  return `/sitemaps/postings-${block}.xml`;
}

/**
 * The sitemap index: the pages-and-companies file, then one file per block of posting ids that holds
 * open postings, each with its newest change. Blocks of ids, not pages of a sort, so a file's URLs
 * change only as its own postings open and close, and each file is one primary-key range read.
 */
export async function listSitemapFiles(db: Db, options: { maxUrls?: number } = {}): Promise<SitemapEntry[]> {
  const maxUrls = options.maxUrls ?? SITEMAP_MAX_URLS;
  const blocks = await db.$queryRaw<{ block: number; updatedAt: Date }[]>`
    SELECT p.id / ${maxUrls}::int AS block, max(p.updated_at) AS "updatedAt" FROM posting p WHERE ${LISTED} GROUP BY 1 ORDER BY 1`;
  const newest = blocks.reduce<Date | undefined>((max, b) => (!max || b.updatedAt > max ? b.updatedAt : max), undefined);
  return [{ path: "/sitemaps/pages.xml", lastModified: newest }, ...blocks.map((b) => ({ path: postingsSitemapPath(b.block), lastModified: b.updatedAt }))];
}

/** The site's own pages and every company with open roles (up to one file's limit). */
export async function listPagesSitemap(db: Db, options: { maxUrls?: number } = {}): Promise<SitemapEntry[]> {
  const maxUrls = options.maxUrls ?? SITEMAP_MAX_URLS;
  const companies = await db.$queryRaw<{ slug: string; updatedAt: Date }[]>`
    SELECT c.slug, max(p.updated_at) AS "updatedAt" FROM posting p JOIN company c ON c.id = p.company_id
    WHERE ${LISTED} GROUP BY c.slug ORDER BY c.slug LIMIT ${maxUrls - SITEMAP_PAGES.length}`;
  return [...SITEMAP_PAGES.map((path) => ({ path })), ...companies.map((c) => ({ path: `/companies/${c.slug}`, lastModified: c.updatedAt }))];
}

/** The open postings whose ids fall in one block (listSitemapFiles), in id order. */
export async function listPostingsSitemap(db: Db, block: number, options: { maxUrls?: number } = {}): Promise<SitemapEntry[]> {
  const maxUrls = options.maxUrls ?? SITEMAP_MAX_URLS;
  const postings = await db.$queryRaw<{ id: number; title: string; companyName: string; updatedAt: Date }[]>`
    SELECT p.id, p.title, p.company_name AS "companyName", p.updated_at AS "updatedAt"
    FROM posting p WHERE p.id >= ${block * maxUrls}::bigint AND p.id < ${(block + 1) * maxUrls}::bigint AND ${LISTED} ORDER BY p.id`;
  return postings.map((p) => ({ path: postingPath(p), lastModified: p.updatedAt }));
}
