import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext, ScrapeOutcome } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { escapeHtml } from "@/scrapers/shared/html";
import { fetchIndexedPages } from "@/scrapers/shared/listing";
import { readJson, validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, companyName, httpUrl, optionalText, singleLine, uniqueBy, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, isBareName, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "lever";
const PAGE_SIZE = 100;

const postingSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  hostedUrl: z.string(),
  applyUrl: z.string().nullish(),
  /** Epoch milliseconds. */
  createdAt: z.number().nullish(),
  categories: z
    .looseObject({
      commitment: z.string().nullish(),
      department: z.string().nullish(),
      location: z.string().nullish(),
      team: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  country: z.string().nullish(),
  workplaceType: z.string().nullish(),
  description: z.string().nullish(),
  lists: z.array(z.looseObject({ text: z.string(), content: z.string() })).nullish(),
  additional: z.string().nullish(),
  salaryRange: z
    .looseObject({
      min: z.number().nullish(),
      max: z.number().nullish(),
      currency: z.string().nullish(),
      interval: z.string().nullish(),
    })
    .nullish(),
  salaryDescription: z.string().nullish(),
});

type LeverPosting = z.infer<typeof postingSchema>;

/** Lever's whole board is a bare array; the one-posting endpoint returns the object. */
function readPostings(payload: string): LeverPosting[] {
  const value = readJson(BOARD, payload);
  return Array.isArray(value)
    ? validatePayload(BOARD, value, z.array(postingSchema))
    : [validatePayload(BOARD, value, postingSchema)];
}

export function parse(payload: string, context: ParseContext): RawPosting[] {
  return checkPostings(
    BOARD,
    readPostings(payload).map((posting) => toPosting(posting, context)),
  );
}

function toPosting(posting: LeverPosting, context: ParseContext): RawPosting {
  const categories = posting.categories ?? {};
  const salary = posting.salaryRange;
  return {
    externalId: posting.id,
    title: singleLine(posting.text),
    company: companyName(context.companyName, siteOf(context.token)) ?? "",
    url: httpUrl(posting.hostedUrl) ?? posting.hostedUrl,
    applyUrl: httpUrl(posting.applyUrl),
    locations: uniqueStrings(categories.allLocations?.length ? categories.allLocations : [categories.location]),
    remoteHint: workplaceHint(posting.workplaceType),
    employmentType: optionalText(categories.commitment),
    department: optionalText(categories.department) ?? optionalText(categories.team),
    descriptionHtml: descriptionHtml(posting),
    salary:
      salary && (salary.min != null || salary.max != null)
        ? {
            min: salary.min ?? undefined,
            max: salary.max ?? undefined,
            currency: salary.currency ?? undefined,
            interval: salary.interval ?? undefined,
          }
        : undefined,
    postedAt: toIsoDate(posting.createdAt),
    raw: { country: posting.country ?? null, team: categories.team ?? null, workplaceType: posting.workplaceType ?? null },
  };
}

function workplaceHint(workplaceType: string | null | undefined): RawPosting["remoteHint"] {
  if (workplaceType === "remote") return "remote";
  if (workplaceType === "hybrid") return "hybrid";
  if (workplaceType === "on-site") return "onsite";
  return undefined;
}

/** The hosted page's order: opening + body, the titled lists (`<li>` fragments), pay note, closing. */
function descriptionHtml(posting: LeverPosting): string | undefined {
  const lists = (posting.lists ?? []).map((list) => `<h3>${escapeHtml(list.text.trim())}</h3><ul>${list.content}</ul>`);
  const parts = [posting.description, ...lists, posting.salaryDescription, posting.additional].filter(
    (part): part is string => Boolean(part?.trim()),
  );
  return parts.length ? parts.join("\n") : undefined;
}

/** "eu:acme" is a site on Lever's EU instance. */
function siteOf(token: string | undefined): string | undefined {
  return token?.replace(/^eu:/, "");
}

function apiBase(token: string): string {
  return token.startsWith("eu:") ? "https://api.eu.lever.co/v0/postings" : "https://api.lever.co/v0/postings";
}

export function normalizeToken(input: string): string {
  const expected = "a site name such as palantir, or a jobs.lever.co / jobs.eu.lever.co URL";
  const url = pastedUrl(input);
  const onLever = url !== undefined && /(^|\.)lever\.co$/i.test(url.hostname);
  let site: string | undefined;
  let eu = false;
  if (!url || (isBareName(input) && !onLever)) {
    const text = input.trim();
    eu = text.startsWith("eu:");
    site = eu ? text.slice(3) : text;
  } else if (onLever) {
    eu = /\.eu\.lever\.co$/i.test(url.hostname);
    const segments = pathSegments(url);
    site = segments[0] === "v0" && segments[1] === "postings" ? segments[2] : segments[0];
  }
  if (!site || !/^[a-z0-9][a-z0-9._-]*$/i.test(site)) throw badToken(BOARD, input, expected);
  return `${eu ? "eu:" : ""}${site.toLowerCase()}`;
}

export async function scrape(context: ScrapeContext): Promise<ScrapeOutcome> {
  const token = scrapeToken(normalizeToken, context.token);
  const site = siteOf(token) ?? token;
  const pageUrl = (index: number) =>
    `${apiBase(token)}/${encodeURIComponent(site)}?mode=json&skip=${index * PAGE_SIZE}&limit=${PAGE_SIZE}`;
  const outcome = await fetchIndexedPages(context, pageUrl, (body, index) => {
    const postings = parse(body, { token, url: pageUrl(index), companyName: context.companyName });
    return { items: postings, last: postings.length < PAGE_SIZE };
  });
  if (outcome.unchanged) return outcome;
  return { unchanged: false, postings: uniqueBy(outcome.items, (posting) => posting.externalId), pages: outcome.pages };
}

export const lever: BoardScraper = {
  kind: "lever",
  terms: {
    boardName: "Lever",
    termsUrl: "https://github.com/lever/postings-api",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
