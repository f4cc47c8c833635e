import type { FetchInit, RawPosting, ScrapeContext, ScrapeOutcome } from "@/scrapers/types";

/** A board whose whole listing is one response: 304 means nothing changed. */
export async function scrapeSingleListing(
  context: ScrapeContext,
  url: string,
  parse: (body: string, finalUrl: string) => RawPosting[],
  init?: FetchInit,
): Promise<ScrapeOutcome> {
  const response = await context.fetcher.fetch(url, init);
  if (response.notModified) {
    context.onProgress?.({ pages: 1, postings: 0 });
    return { unchanged: true, pages: 1 };
  }
  const postings = parse(response.body, response.url);
  context.onProgress?.({ pages: 1, postings: postings.length });
  return { unchanged: false, postings, pages: 1 };
}

export interface ListingPage<Item> {
  items: Item[];
  /** No page follows this one. */
  last: boolean;
}

export type IndexedPagesOutcome<Item> =
  | { unchanged: true; pages: number }
  | { unchanged: false; items: Item[]; pages: number };

/**
 * Fetches a listing paginated by page index or offset (the URL of page n is known without reading
 * page n-1), conditionally. A 304 page gives no body, so we cannot tell from it whether it was the
 * last one: we keep walking until a page answers 200. If every page answered 304, or the first 200
 * is an empty page past them, nothing changed; otherwise the 304 pages are fetched again
 * unconditionally so the run sees the whole listing.
 */
export async function fetchIndexedPages<Item>(
  context: ScrapeContext,
  pageUrl: (index: number) => string,
  readPage: (body: string, index: number) => ListingPage<Item>,
  countPostings: (items: Item[]) => number = (items) => items.length,
): Promise<IndexedPagesOutcome<Item>> {
  const pages: Array<{ url: string; index: number; items?: Item[] }> = [];
  let seen = 0;
  for (let index = 0; index < Math.max(1, context.maxPages); index++) {
    const url = pageUrl(index);
    const response = await context.fetcher.fetch(url);
    if (response.notModified) {
      pages.push({ url, index });
      context.onProgress?.({ pages: pages.length, postings: seen });
      continue;
    }
    const page = readPage(response.body, index);
    const onlyUnchangedBefore = pages.length > 0 && pages.every((entry) => entry.items === undefined);
    if (page.items.length === 0 && onlyUnchangedBefore) return { unchanged: true, pages: pages.length + 1 };
    pages.push({ url, index, items: page.items });
    seen += countPostings(page.items);
    context.onProgress?.({ pages: pages.length, postings: seen });
    if (page.last) break;
  }
  if (pages.every((entry) => entry.items === undefined)) return { unchanged: true, pages: pages.length };
  const items: Item[] = [];
  for (const entry of pages) {
    if (entry.items === undefined) {
      const response = await context.fetcher.fetch(entry.url, { conditional: false });
      entry.items = readPage(response.body, entry.index).items;
    }
    items.push(...entry.items);
  }
  return { unchanged: false, items, pages: pages.length };
}
