import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { atomResponse, renderAtomFeed } from "@/lib/feeds/atom";
import { getSavedSearchById } from "@/lib/saved-searches/queries";
import { listPostings } from "@/lib/search/listing";
import { filterToSearchParams } from "@/lib/search/listing-params";
import { verifyToken } from "@/lib/security/signed-token";

export const dynamic = "force-dynamic";

/** GET /feeds/<token>: a saved search's private Atom feed; the signed token is the only credential (feed readers send no cookies). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const id = verifyToken("feed", token, authSecret());
  const search = id ? await getSavedSearchById(id) : null;
  if (!search) return new Response("No such feed.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const site = env().SITE_URL;
  const page = await listPostings(getDb(), { ...search.filter, sort: "newest" }, null);
  const query = filterToSearchParams(search.filter).toString();
  const xml = renderAtomFeed({
    title: `mlradar: ${search.name}`,
    description: `Newest postings for the saved search “${search.name}”.`,
    listingUrl: new URL(query ? `/?${query}` : "/", site).toString(),
    selfUrl: new URL(`/feeds/${token}`, site).toString(),
    siteUrl: site,
    items: page.items,
  });
  return atomResponse(xml, "private, max-age=300");
}
