import "server-only";
import { SHARED_DATA_SECONDS, sharedData } from "@/lib/cache/shared-data";
import { getDb } from "@/lib/db";
import { listPagesSitemap, listPostingsSitemap, listSitemapFiles } from "./sitemap-entries";
import { renderUrlset } from "./sitemap-xml";

// Each reads every open posting (90-110 ms at 100,000): computed at most once a minute and shared.

/** The sitemap index's files (dates come back as strings). */
export const sitemapFilesShared = sharedData("sitemap-files-v1", () => listSitemapFiles(getDb()));
/** The pages-and-companies file (dates come back as strings). */
export const pagesSitemapShared = sharedData("sitemap-pages-v1", () => listPagesSitemap(getDb()));

/** Postings files kept in this process: a crawler reads them in order, so a few recent ones suffice. */
const KEPT_FILES = 4;
const postingsFiles = new Map<string, { expires: number; xml: Promise<string> }>();

/**
 * One postings file's XML, computed at most once a minute per process and shared by concurrent
 * requests: at 50,000 URLs it takes about 0.3 s and 4.5 MB, too large for Next's data cache (2 MB).
 */
export function postingsSitemapShared(block: number, site: string, now = Date.now()): Promise<string> {
  const key = `${site} ${block}`;
  const kept = postingsFiles.get(key);
  if (kept && kept.expires > now) return kept.xml;
  const xml = listPostingsSitemap(getDb(), block).then((entries) => renderUrlset(entries, site));
  postingsFiles.delete(key);
  postingsFiles.set(key, { expires: now + SHARED_DATA_SECONDS * 1000, xml });
  // A Map iterates in insertion order: the first key is the one set longest ago.
  if (postingsFiles.size > KEPT_FILES) postingsFiles.delete(postingsFiles.keys().next().value!);
  // A failure is not kept: the next request tries again.
  xml.catch(() => {
    if (postingsFiles.get(key)?.xml === xml) postingsFiles.delete(key);
  });
  return xml;
}
