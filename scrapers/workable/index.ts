import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
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

const BOARD = "workable";

const placeSchema = z.looseObject({
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
  city: z.string().nullish(),
  region: z.string().nullish(),
  hidden: z.boolean().nullish(),
});

/** Widget API (`/api/v1/widget/accounts/{account}?details=true`). */
const widgetJobSchema = z.looseObject({
  title: z.string(),
  shortcode: z.string().min(1),
  code: z.string().nullish(),
  employment_type: z.string().nullish(),
  telecommuting: z.boolean().nullish(),
  department: z.string().nullish(),
  url: z.string(),
  shortlink: z.string().nullish(),
  application_url: z.string().nullish(),
  /** Dates only ("2026-06-30"). */
  published_on: z.string().nullish(),
  created_at: z.string().nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  education: z.string().nullish(),
  experience: z.string().nullish(),
  function: z.string().nullish(),
  industry: z.string().nullish(),
  locations: z.array(placeSchema).nullish(),
  description: z.string().nullish(),
});

const widgetSchema = z.looseObject({ name: z.string().nullish(), jobs: z.array(widgetJobSchema) });

/** Careers-page API v3 (`POST /api/v3/accounts/{account}/jobs`): no descriptions. */
const v3JobSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).nullish(),
  shortcode: z.string().min(1),
  title: z.string(),
  remote: z.boolean().nullish(),
  workplace: z.string().nullish(),
  location: placeSchema.nullish(),
  locations: z.array(placeSchema).nullish(),
  department: z.union([z.array(z.string()), z.string()]).nullish(),
  type: z.string().nullish(),
  published: z.string().nullish(),
  language: z.string().nullish(),
  state: z.string().nullish(),
  isInternal: z.boolean().nullish(),
});

const v3Schema = z.looseObject({ total: z.number().nullish(), results: z.array(v3JobSchema), nextPage: z.string().nullish() });

type WidgetJob = z.infer<typeof widgetJobSchema>;
type V3Job = z.infer<typeof v3JobSchema>;
type Place = z.infer<typeof placeSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  const postings = hasKey(value, "results")
    ? validatePayload(BOARD, value, v3Schema).results.map((job) => fromV3(job, context))
    : fromWidget(validatePayload(BOARD, value, widgetSchema), context);
  // The same shortcode is sometimes listed twice.
  return checkPostings(BOARD, uniqueBy(postings, (posting) => posting.externalId));
}

function fromWidget(account: z.infer<typeof widgetSchema>, context: ParseContext): RawPosting[] {
  return account.jobs.map((job: WidgetJob) => ({
    externalId: job.shortcode,
    title: singleLine(job.title),
    company: companyName(account.name, context.companyName, context.token) ?? "",
    url: httpUrl(job.url) ?? httpUrl(job.shortlink) ?? job.url,
    applyUrl: httpUrl(job.application_url),
    locations: placesOf(job.locations, formatPlace(job.city, job.state, job.country)),
    remoteHint: job.telecommuting ? "remote" : undefined,
    employmentType: optionalText(job.employment_type),
    department: optionalText(job.department),
    descriptionHtml: optionalText(job.description),
    postedAt: toIsoDate(job.published_on ?? job.created_at),
    raw: {
      code: optionalText(job.code) ?? null,
      createdAt: job.created_at ?? null,
      education: optionalText(job.education) ?? null,
      experience: optionalText(job.experience) ?? null,
      function: optionalText(job.function) ?? null,
      industry: optionalText(job.industry) ?? null,
    },
  }));
}

function fromV3(job: V3Job, context: ParseContext): RawPosting {
  const departments = typeof job.department === "string" ? [job.department] : (job.department ?? []);
  return {
    externalId: job.shortcode,
    title: singleLine(job.title),
    company: companyName(context.companyName, context.token) ?? "",
    // The short job link the widget API also uses; it needs no account name.
    url: `https://apply.workable.com/j/${encodeURIComponent(job.shortcode)}`,
    locations: placesOf(job.locations, job.location ? placeText(job.location) : undefined),
    remoteHint: workplaceHint(job.workplace) ?? (job.remote ? "remote" : undefined),
    employmentType: optionalText(job.type),
    department: optionalText(departments[0]),
    postedAt: toIsoDate(job.published),
    raw: {
      id: job.id ?? null,
      departments,
      language: job.language ?? null,
      state: job.state ?? null,
      isInternal: job.isInternal ?? null,
    },
  };
}

function placeText(place: Place): string | undefined {
  return formatPlace(place.city, place.region, place.country);
}

function placesOf(places: Place[] | null | undefined, fallback: string | undefined): string[] {
  const visible = (places ?? []).filter((place) => !place.hidden).map(placeText);
  return uniqueStrings(visible.length ? visible : [fallback]);
}

function workplaceHint(workplace: string | null | undefined): RawPosting["remoteHint"] {
  const value = workplace?.toLowerCase().replace(/[^a-z]/g, "");
  if (value === "remote") return "remote";
  if (value === "hybrid") return "hybrid";
  if (value === "onsite") return "onsite";
  return undefined;
}

export function normalizeToken(input: string): string {
  const expected = "an account name such as huggingface, or an apply.workable.com/{account} URL";
  const url = pastedUrl(input);
  let account: string | undefined;
  if (!url) {
    account = input.trim();
  } else if (/^(apply|www)\.workable\.com$/i.test(url.hostname)) {
    const segments = pathSegments(url);
    const accountsAt = segments.indexOf("accounts");
    // apply.workable.com/j/{shortcode} names a job, not the account.
    account = segments[0] === "api" ? segments[accountsAt + 1] : segments[0] === "j" ? undefined : segments[0];
  } else if (/\.workable\.com$/i.test(url.hostname)) {
    account = url.hostname.split(".")[0];
  }
  if (!account || !/^[a-z0-9][a-z0-9-]*$/i.test(account)) throw badToken(BOARD, input, expected);
  return account.toLowerCase();
}

export async function scrape(context: ScrapeContext) {
  const token = scrapeToken(normalizeToken, context.token);
  // The widget API returns every published job with its description in one response.
  const url = `https://apply.workable.com/api/v1/widget/accounts/${encodeURIComponent(token)}?details=true`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token, url, companyName: context.companyName }));
}

export const workable: BoardScraper = {
  kind: "workable",
  terms: {
    boardName: "Workable",
    termsUrl: "https://workable.readme.io/",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
