import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { sitemapEntriesShared } from "@/lib/seo/sitemap-shared";

// Served per request from entries at most a minute old (lib/seo/sitemap-shared.ts); there is no database at build time.
export const dynamic = "force-dynamic";

/** GET /sitemap.xml */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = env().SITE_URL;
  return (await sitemapEntriesShared()).map((entry) => ({ url: new URL(entry.path, site).toString(), lastModified: entry.lastModified }));
}
