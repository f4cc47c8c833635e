import "server-only";
import { sharedData } from "@/lib/cache/shared-data";
import { getDb } from "@/lib/db";
import { listPagesSitemap, listSitemapFiles } from "./sitemap-entries";

// Each reads every open posting (90-110 ms at 100,000): computed at most once a minute and shared.
// A file of postings is one id range read, and at 50,000 URLs too large for Next's data cache (2 MB).

/** The sitemap index's files (dates come back as strings). */
export const sitemapFilesShared = sharedData("sitemap-files-v1", () => listSitemapFiles(getDb()));
/** The pages-and-companies file (dates come back as strings). */
export const pagesSitemapShared = sharedData("sitemap-pages-v1", () => listPagesSitemap(getDb()));
