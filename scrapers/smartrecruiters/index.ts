import { z } from "zod";
import {
  PayloadError,
  ScrapeError,
  type BoardScraper,
  type ParseContext,
  type RawPosting,
  type ScrapeContext,
  type ScrapeOutcome,
} from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { escapeHtml } from "@/scrapers/shared/html";
import { fetchIndexedPages } from "@/scrapers/shared/listing";
import { hasKey, readJson, validatePayload } from "@/scrapers/shared/payload";
import {
  checkPostings,
  companyName,
  formatPlace,
  httpUrl,
  optionalText,
  singleLine,
  uniqueBy,
  uniqueStrings,
} from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "smartrecruiters";
const API = "https://api.smartrecruiters.com/v1/companies";
const PAGE_SIZE = 100;

const labelSchema = z.looseObject({ id: z.union([z.string(), z.number()]).nullish(), label: z.string().nullish() }).nullish();

const sectionSchema = z.looseObject({ title: z.string().nullish(), text: z.string().nullish() }).nullish();

const postingSchema = z.looseObject({
  /** Numeric string. */
  id: z.string().min(1),
  name: z.string(),
  uuid: z.string().nullish(),
  jobAdId: z.string().nullish(),
  refNumber: z.string().nullish(),
  company: z.looseObject({ identifier: z.string().nullish(), name: z.string().nullish() }).nullish(),
  releasedDate: z.string().nullish(),
  location: z
    .looseObject({
      city: z.string().nullish(),
      region: z.string().nullish(),
      /** Lowercase ISO 3166-1 alpha-2. */
      country: z.string().nullish(),
      fullLocation: z.string().nullish(),
      remote: z.boolean().nullish(),
      hybrid: z.boolean().nullish(),
    })
    .nullish(),
  /** id is a string in the list and a number in the detail. */
  department: labelSchema,
  function: labelSchema,
  industry: labelSchema,
  experienceLevel: labelSchema,
  typeOfEmployment: labelSchema,
  language: z.looseObject({ code: z.string().nullish() }).nullish(),
  /** Detail endpoint only from here on. */
  postingUrl: z.string().nullish(),
  applyUrl: z.string().nullish(),
  jobAd: z
    .looseObject({
      sections: z
        .looseObject({
          companyDescription: sectionSchema,
          jobDescription: sectionSchema,
          qualifications: sectionSchema,
          additionalInformation: sectionSchema,
        })
        .nullish(),
    })
    .nullish(),
});

const listSchema = z.looseObject({
  offset: z.number().nullish(),
  limit: z.number().nullish(),
  totalFound: z.number().nullish(),
  content: z.array(postingSchema),
});

type Posting = z.infer<typeof postingSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  // The list endpoint wraps postings in {content}; a detail response is the posting itself.
  const postings =
    hasKey(value, "id") && !hasKey(value, "content")
      ? [validatePayload(BOARD, value, postingSchema)]
      : validatePayload(BOARD, value, listSchema).content;
  return checkPostings(
    BOARD,
    uniqueBy(postings, (posting) => posting.id).map((posting) => toPosting(posting, context)),
  );
}

function toPosting(posting: Posting, context: ParseContext): RawPosting {
  const company = posting.company?.identifier ?? context.token;
  const location = posting.location;
  return {
    externalId: posting.id,
    title: singleLine(posting.name),
    company: companyName(posting.company?.name, context.companyName, context.token) ?? "",
    url:
      httpUrl(posting.postingUrl) ??
      `https://jobs.smartrecruiters.com/${encodeURIComponent(company ?? "")}/${encodeURIComponent(posting.id)}`,
    applyUrl: httpUrl(posting.applyUrl),
    locations: uniqueStrings([
      // fullLocation leaves an empty slot for a missing region ("Warsaw, , Poland").
      location?.fullLocation
        ? formatPlace(...location.fullLocation.split(","))
        : formatPlace(location?.city, location?.region, location?.country?.toUpperCase()),
    ]),
    remoteHint: location?.remote
      ? "remote"
      : location?.hybrid
        ? "hybrid"
        : location?.remote === false && location.hybrid === false
          ? "onsite"
          : undefined,
    employmentType: optionalText(posting.typeOfEmployment?.label),
    department: optionalText(posting.department?.label),
    descriptionHtml: descriptionHtml(posting),
    postedAt: toIsoDate(posting.releasedDate),
    raw: {
      uuid: posting.uuid ?? null,
      jobAdId: posting.jobAdId ?? null,
      refNumber: posting.refNumber ?? null,
      departmentId: posting.department?.id != null ? String(posting.department.id) : null,
      function: posting.function?.label ?? null,
      industry: posting.industry?.label ?? null,
      experienceLevel: posting.experienceLevel?.label ?? null,
      language: posting.language?.code ?? null,
      country: location?.country ?? null,
    },
  };
}

function descriptionHtml(posting: Posting): string | undefined {
  const sections = posting.jobAd?.sections;
  if (!sections) return undefined;
  const parts = [
    sections.companyDescription,
    sections.jobDescription,
    sections.qualifications,
    sections.additionalInformation,
  ].flatMap((section) =>
    section?.text?.trim() ? [`${section.title ? `<h3>${escapeHtml(section.title.trim())}</h3>` : ""}${section.text}`] : [],
  );
  return parts.length ? parts.join("\n") : undefined;
}

export function normalizeToken(input: string): string {
  const expected = "a company identifier such as HireVue, or a jobs.smartrecruiters.com/{Company} URL";
  const url = pastedUrl(input);
  let company: string | undefined;
  if (!url) {
    company = input.trim();
  } else if (/(^|\.)smartrecruiters\.com$/i.test(url.hostname)) {
    const segments = pathSegments(url);
    const companiesAt = segments.indexOf("companies");
    company = companiesAt >= 0 ? segments[companiesAt + 1] : segments[0];
  }
  // Identifiers are case-sensitive as registered (ABOUTYOUGmbH, AutomationAnywhere1).
  if (!company || !/^[a-z0-9][a-z0-9_-]*$/i.test(company)) throw badToken(BOARD, input, expected);
  return company;
}

export async function scrape(context: ScrapeContext): Promise<ScrapeOutcome> {
  const token = scrapeToken(normalizeToken, context.token);
  const base = `${API}/${encodeURIComponent(token)}/postings`;
  const pageUrl = (index: number) => `${base}?offset=${index * PAGE_SIZE}&limit=${PAGE_SIZE}`;
  const listing = await fetchIndexedPages(context, pageUrl, (body, index) => {
    const page = validatePayload(BOARD, readJson(BOARD, body), listSchema);
    const offset = page.offset ?? index * PAGE_SIZE;
    const last =
      page.content.length === 0 ||
      (page.totalFound != null ? offset + page.content.length >= page.totalFound : page.content.length < PAGE_SIZE);
    return { items: page.content, last };
  });
  if (listing.unchanged) return listing;

  // Descriptions and apply links exist only on each posting's detail.
  const postings: RawPosting[] = [];
  for (const item of uniqueBy(listing.items, (posting) => posting.id)) {
    const detailUrl = `${base}/${encodeURIComponent(item.id)}`;
    try {
      const detail = await context.fetcher.fetch(detailUrl, { conditional: false });
      postings.push(...parse(detail.body, { token, url: detailUrl, companyName: context.companyName }));
    } catch (error) {
      // A posting closed between list and detail: keep what the list said about it.
      if (!(error instanceof ScrapeError) || error.kind !== "permanent" || error instanceof PayloadError) throw error;
      postings.push(toPosting(item, { token, companyName: context.companyName }));
    }
    context.onProgress?.({ pages: listing.pages + postings.length, postings: postings.length });
  }
  return { unchanged: false, postings: checkPostings(BOARD, postings), pages: listing.pages + postings.length };
}

export const smartrecruiters: BoardScraper = {
  kind: "smartrecruiters",
  terms: {
    boardName: "SmartRecruiters",
    termsUrl: "https://developers.smartrecruiters.com/docs/posting-api",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
