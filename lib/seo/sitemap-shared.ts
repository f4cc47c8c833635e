import "server-only";
import { SHARED_DATA_SECONDS } from "@/lib/cache/shared-data";
import { getDb } from "@/lib/db";
import { listSitemapEntries, type SitemapEntry } from "./sitemap-entries";

let current: { expires: number; entries: Promise<SitemapEntry[]> } | undefined;

/**
 * The sitemap's entries, computed at most once a minute per process and shared by concurrent
 * requests: at a million postings they take 0.4 s, and Next's data cache refuses entries over 2 MB
 * (these are about 4 MB), so they are kept here instead.
 */
export function sitemapEntriesShared(now = Date.now()): Promise<SitemapEntry[]> {
  if (!current || current.expires <= now) {
    const entries = listSitemapEntries(getDb());
    current = { expires: now + SHARED_DATA_SECONDS * 1000, entries };
    // A failure is not kept: the next request tries again.
    entries.catch(() => {
      if (current?.entries === entries) current = undefined;
    });
  }
  return current.entries;
}
