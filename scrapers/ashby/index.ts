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
  uniqueStrings,
} from "@/scrapers/shared/postings";
import { badToken, isBareName, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "ashby";

const postalAddressSchema = z
  .looseObject({
    postalAddress: z
      .looseObject({
        addressLocality: z.string().nullish(),
        addressRegion: z.string().nullish(),
        addressCountry: z.string().nullish(),
      })
      .nullish(),
  })
  .nullish();

const componentSchema = z.looseObject({
  compensationType: z.string(),
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});

const jobSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  jobUrl: z.string(),
  applyUrl: z.string().nullish(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  employmentType: z.string().nullish(),
  location: z.string().nullish(),
  address: postalAddressSchema,
  secondaryLocations: z.array(z.looseObject({ location: z.string().nullish(), address: postalAddressSchema })).nullish(),
  /** true also on hybrid jobs; workplaceType is the precise flag. */
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  isListed: z.boolean().nullish(),
  publishedAt: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  /** Present only with includeCompensation=true; all-null when the employer shows no pay. */
  compensation: z
    .looseObject({
      compensationTierSummary: z.string().nullish(),
      scrapeableCompensationSalarySummary: z.string().nullish(),
      compensationTiers: z
        .array(z.looseObject({ title: z.string().nullish(), components: z.array(componentSchema).nullish() }))
        .nullish(),
      summaryComponents: z.array(componentSchema).nullish(),
    })
    .nullish(),
});

const boardSchema = z.looseObject({ jobs: z.array(jobSchema) });

type AshbyJob = z.infer<typeof jobSchema>;
type Component = z.infer<typeof componentSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  // The board endpoint wraps jobs in {jobs, apiVersion}; a saved single job is the object itself.
  const jobs =
    hasKey(value, "id") && !hasKey(value, "jobs")
      ? [validatePayload(BOARD, value, jobSchema)]
      : validatePayload(BOARD, value, boardSchema).jobs;
  return checkPostings(
    BOARD,
    jobs.filter((job) => job.isListed !== false).map((job) => toPosting(job, context)),
  );
}

function toPosting(job: AshbyJob, context: ParseContext): RawPosting {
  const secondary = job.secondaryLocations ?? [];
  return {
    externalId: job.id,
    title: singleLine(job.title),
    company: companyName(context.companyName, context.token) ?? "",
    url: httpUrl(job.jobUrl) ?? job.jobUrl,
    applyUrl: httpUrl(job.applyUrl),
    locations: uniqueStrings([
      optionalText(job.location) ?? placeOf(job.address),
      ...secondary.map((entry) => optionalText(entry.location) ?? placeOf(entry.address)),
    ]),
    remoteHint: workplaceHint(job.workplaceType),
    employmentType: optionalText(job.employmentType),
    department: optionalText(job.department) ?? optionalText(job.team),
    descriptionHtml: optionalText(job.descriptionHtml),
    descriptionText: optionalText(job.descriptionPlain),
    salary: salaryOf(job.compensation),
    postedAt: toIsoDate(job.publishedAt),
    raw: {
      team: job.team ?? null,
      isRemote: job.isRemote ?? null,
      workplaceType: job.workplaceType ?? null,
      addresses: [job.address, ...secondary.map((entry) => entry.address)].flatMap((address) =>
        address?.postalAddress && Object.keys(address.postalAddress).length ? [address.postalAddress] : [],
      ),
      compensationTiers: (job.compensation?.compensationTiers ?? []).map((tier) => ({
        title: tier.title ?? null,
        components: tier.components ?? [],
      })),
    },
  };
}

function placeOf(address: z.infer<typeof postalAddressSchema>): string | undefined {
  const postal = address?.postalAddress;
  return postal ? formatPlace(postal.addressLocality, postal.addressRegion, postal.addressCountry) : undefined;
}

function workplaceHint(workplaceType: string | null | undefined): RawPosting["remoteHint"] {
  switch (workplaceType?.toLowerCase()) {
    case "remote":
      return "remote";
    case "hybrid":
      return "hybrid";
    case "onsite":
      return "onsite";
    default:
      return undefined;
  }
}

/** The Salary component of the summary; without one, the span of the tiers' Salary components. */
function salaryOf(compensation: AshbyJob["compensation"]): RawPosting["salary"] {
  if (!compensation) return undefined;
  const hasValue = (component: Component) =>
    component.compensationType === "Salary" && (component.minValue != null || component.maxValue != null);
  const text = optionalText(compensation.compensationTierSummary) ?? optionalText(compensation.scrapeableCompensationSalarySummary);
  const summary = (compensation.summaryComponents ?? []).find(hasValue);
  const tiers = (compensation.compensationTiers ?? []).flatMap((tier) => tier.components ?? []).filter(hasValue);
  const components = summary ? [summary] : tiers;
  const first = components[0];
  if (!first) return text ? { text } : undefined;
  const sameUnit = components.filter(
    (component) => component.currencyCode === first.currencyCode && component.interval === first.interval,
  );
  const mins = sameUnit.flatMap((component) => (component.minValue != null ? [component.minValue] : []));
  const maxes = sameUnit.flatMap((component) => (component.maxValue != null ? [component.maxValue] : []));
  return {
    min: mins.length ? Math.min(...mins) : undefined,
    max: maxes.length ? Math.max(...maxes) : undefined,
    currency: first.currencyCode ?? undefined,
    interval: first.interval ?? undefined,
    text,
  };
}

export function normalizeToken(input: string): string {
  const expected = "a job board name such as cursor, or a jobs.ashbyhq.com URL";
  const url = pastedUrl(input);
  const onAshby = url !== undefined && /(^|\.)ashbyhq\.com$/i.test(url.hostname);
  let board: string | undefined;
  if (!url || (isBareName(input) && !onAshby)) {
    board = input.trim();
  } else if (onAshby) {
    const segments = pathSegments(url);
    board = segments[0] === "posting-api" && segments[1] === "job-board" ? segments[2] : segments[0];
  }
  // Ashby board names keep their case (HighlightTA) and may contain spaces or dots.
  if (!board || !/^[a-z0-9][a-z0-9 ._-]*$/i.test(board.trim())) throw badToken(BOARD, input, expected);
  return board.trim();
}

export async function scrape(context: ScrapeContext) {
  const token = scrapeToken(normalizeToken, context.token);
  const url = `https://api.ashbyhq.com/posting-api/job-board/${encodeURIComponent(token)}?includeCompensation=true`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token, url, companyName: context.companyName }));
}

export const ashby: BoardScraper = {
  kind: "ashby",
  terms: {
    boardName: "Ashby",
    termsUrl: "https://developers.ashbyhq.com/docs/public-job-posting-api",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
