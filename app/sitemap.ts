import type { MetadataRoute } from "next";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listSitemapEntries } from "@/lib/seo/sitemap-entries";

// Built per request: the postings change with every scrape, and there is no database at build time.
export const dynamic = "force-dynamic";

/** GET /sitemap.xml */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = env().SITE_URL;
  return (await listSitemapEntries(getDb())).map((entry) => ({ url: new URL(entry.path, site).toString(), lastModified: entry.lastModified }));
}
