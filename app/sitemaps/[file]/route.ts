import { env } from "@/lib/env";
import { pagesSitemapShared, postingsSitemapShared } from "@/lib/seo/sitemap-shared";
import { renderUrlset, sitemapResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** GET /sitemaps/pages.xml and /sitemaps/postings-<block>.xml: the files /sitemap.xml lists. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const block = /^postings-(\d{1,6})\.xml$/.exec(file)?.[1];
  if (file === "pages.xml") return sitemapResponse(renderUrlset(await pagesSitemapShared(), env().SITE_URL));
  if (block === undefined) return new Response("Not found", { status: 404 });
  return sitemapResponse(await postingsSitemapShared(Number(block), env().SITE_URL));
}
