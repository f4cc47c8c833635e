import { Feed } from "feed";
import { escapeHtml, postingPath } from "@/lib/format";
import { LEVEL_LABELS, REMOTE_LABELS } from "@/lib/search/labels";
import type { ListingItem } from "@/lib/search/listing";
import { roleSalary } from "@/lib/search/role-salary";

export interface AtomFeedInput {
  title: string;
  description: string;
  /** The listing page this feed mirrors (feed id and alternate link). */
  listingUrl: string;
  /** The feed's own URL. */
  selfUrl: string;
  siteUrl: string;
  items: ListingItem[];
}

/** Atom XML for a page of postings: shared by the public /feed.xml and the private saved-search feeds. */
export function renderAtomFeed(input: AtomFeedInput): string {
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: input.listingUrl,
    link: input.listingUrl,
    language: "en",
    updated: input.items[0]?.sortAt ?? new Date(0),
    copyright: "Postings belong to the companies that posted them.",
    feedLinks: { atom: input.selfUrl },
  });
  for (const item of input.items) {
    const url = new URL(postingPath(item), input.siteUrl).toString();
    const salary = roleSalary([item]);
    // The feed library marks entry titles and summaries type="html": escaped, our plain text stays text.
    feed.addItem({
      title: escapeHtml(`${item.title} at ${item.companyName}`),
      id: url,
      link: url,
      date: item.sortAt,
      description: escapeHtml([item.locations.map((l) => l.raw).join(" · "), REMOTE_LABELS[item.remote] ?? item.remote, LEVEL_LABELS[item.level] ?? item.level, salary, item.sponsorsVisa ? "sponsors visas" : null, item.fitReasons[0]].filter(Boolean).join(" — ")),
    });
  }
  return feed.atom1();
}

export function atomResponse(xml: string, cacheControl: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": cacheControl } });
}
