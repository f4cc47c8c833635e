import { env } from "@/lib/env";
import { sitemapFilesShared } from "@/lib/seo/sitemap-shared";
import { renderSitemapIndex, sitemapResponse } from "@/lib/seo/sitemap-xml";

// There is no database at build time.
export const dynamic = "force-dynamic";

/** GET /sitemap.xml: the sitemap index, so open postings beyond one file's 50,000 URLs are listed too. */
export async function GET() {
  return sitemapResponse(renderSitemapIndex(await sitemapFilesShared(), env().SITE_URL));
}
