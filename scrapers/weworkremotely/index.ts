import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities, isEntityEscapedHtml } from "@/scrapers/shared/html";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
import { validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, companyName, httpUrl, optionalText, singleLine, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";
import { readXml } from "@/scrapers/shared/xml";

const BOARD = "weworkremotely";
const SITE = "https://weworkremotely.com";

const itemSchema = z.looseObject({
  /** "Company: Role". */
  title: z.string().min(1),
  link: z.string().nullish(),
  guid: z.string().nullish(),
  region: z.string().nullish(),
  country: z.string().nullish(),
  state: z.string().nullish(),
  skills: z.string().nullish(),
  category: z.string().nullish(),
  type: z.string().nullish(),
  /** HTML, escaped once by the XML (the parser decodes that level). */
  description: z.string().nullish(),
  /** RFC 822. */
  pubDate: z.string().nullish(),
  expires_at: z.string().nullish(),
});

const feedSchema = z.looseObject({
  rss: z.looseObject({
    channel: z.looseObject({ item: z.array(itemSchema).nullish() }),
  }),
});

type Item = z.infer<typeof itemSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const feed = validatePayload(BOARD, readXml(BOARD, payload, ["rss.channel.item"]), feedSchema);
  return checkPostings(
    BOARD,
    (feed.rss.channel.item ?? []).map((item) => toPosting(item, context)),
  );
}

function toPosting(item: Item, context: ParseContext): RawPosting {
  const title = singleLine(decodeEntities(item.title));
  const split = title.indexOf(": ");
  const link = httpUrl(item.link) ?? httpUrl(item.guid);
  return {
    externalId: optionalText(item.guid) ?? link ?? title,
    title: split > 0 ? title.slice(split + 2).trim() : title,
    company: companyName(split > 0 ? title.slice(0, split) : undefined, context.companyName) ?? "",
    url: link ?? "",
    locations: [],
    // Every We Work Remotely job is remote; region says where applicants may live.
    remoteHint: "remote",
    remoteEligibility: uniqueStrings([item.region]),
    employmentType: optionalText(item.type),
    department: optionalText(item.category),
    // The XML already took off one level of escaping; a CDATA-wrapped feed would still carry it.
    descriptionHtml: item.description && isEntityEscapedHtml(item.description) ? decodeEntities(item.description) : optionalText(item.description),
    postedAt: toIsoDate(item.pubDate),
    raw: {
      // The employer's headquarters, not where the job is.
      country: optionalText(item.country) ?? null,
      state: optionalText(item.state) ?? null,
      skills: uniqueStrings((item.skills ?? "").split(",")),
      expiresAt: toIsoDate(item.expires_at) ?? null,
    },
  };
}

export function normalizeToken(input: string): string {
  const text = input.trim();
  const url = pastedUrl(text);
  let category: string | undefined;
  if (!url) category = text;
  else if (/^(www\.)?weworkremotely\.com$/i.test(url.hostname)) {
    const segments = pathSegments(url);
    const page = segments[0] === "categories" ? segments[1] : undefined;
    // /categories/remote-back-end-programming-jobs(.rss) → back-end-programming
    category = page ? /^remote-(.+)-jobs(\.rss)?$/.exec(page)?.[1] : segments[0] === "remote-jobs.rss" || !segments.length ? "all" : undefined;
  }
  if (!category || !/^[a-z0-9][a-z0-9-]*$/i.test(category)) {
    throw badToken(BOARD, input, `"all", a category slug such as back-end-programming, or a weworkremotely.com feed URL`);
  }
  return category.toLowerCase();
}

function feedUrl(category: string): string {
  return category === "all" ? `${SITE}/remote-jobs.rss` : `${SITE}/categories/remote-${category}-jobs.rss`;
}

export async function scrape(context: ScrapeContext) {
  const category = scrapeToken(normalizeToken, context.token);
  const url = feedUrl(category);
  return scrapeSingleListing(context, url, (body) => parse(body, { token: category, url }));
}

export const weworkremotely: BoardScraper = {
  kind: "weworkremotely",
  terms: {
    boardName: "We Work Remotely",
    termsUrl: "https://weworkremotely.com/terms-of-service",
    attribution: "Source: We Work Remotely (https://weworkremotely.com).",
    listingAllowed: false,
    disabledReason:
      "We Work Remotely's terms of service forbid using its listings in a job search service or aggregator. " +
      "Enable only with their written permission.",
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
