import * as cheerio from "cheerio";
import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities, isEntityEscapedHtml } from "@/scrapers/shared/html";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
import { hasKey, readJson, validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, companyName, httpUrl, optionalText, singleLine, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "greenhouse";
const API = "https://boards-api.greenhouse.io/v1/boards";

const idSchema = z.union([z.number(), z.string().min(1)]);

const jobSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  absolute_url: z.string(),
  company_name: z.string().nullish(),
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  internal_job_id: idSchema.nullish(),
  requisition_id: z.string().nullish(),
  first_published: z.string().nullish(),
  updated_at: z.string().nullish(),
  language: z.string().nullish(),
  application_deadline: z.string().nullish(),
  /** Only with content=true; entity-escaped HTML. */
  content: z.string().nullish(),
  departments: z.array(z.looseObject({ id: idSchema.nullish(), name: z.string() })).nullish(),
  offices: z.array(z.looseObject({ id: idSchema.nullish(), name: z.string() })).nullish(),
  /** Custom fields: value may be null, a string, a boolean or a list. */
  metadata: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).nullish(),
  /** Only with pay_transparency=true (documented, not seen in real payloads). */
  pay_input_ranges: z
    .array(
      z.looseObject({
        min_cents: z.number().nullish(),
        max_cents: z.number().nullish(),
        currency_type: z.string().nullish(),
        title: z.string().nullish(),
      }),
    )
    .nullish(),
});

const listSchema = z.looseObject({ jobs: z.array(jobSchema) });

type GreenhouseJob = z.infer<typeof jobSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  // The list endpoint wraps jobs in {jobs, meta}; the single-job endpoint returns the job itself.
  const jobs = hasKey(value, "id") && !hasKey(value, "jobs")
    ? [validatePayload(BOARD, value, jobSchema)]
    : validatePayload(BOARD, value, listSchema).jobs;
  return checkPostings(
    BOARD,
    jobs.map((job) => toPosting(job, context)),
  );
}

function toPosting(job: GreenhouseJob, context: ParseContext): RawPosting {
  const metadata = Object.fromEntries((job.metadata ?? []).map((field) => [field.name, field.value]));
  const content = job.content ?? undefined;
  const descriptionHtml = content && isEntityEscapedHtml(content) ? decodeEntities(content) : optionalText(content);
  return {
    externalId: String(job.id),
    title: singleLine(job.title),
    company: companyName(job.company_name, context.companyName, context.token) ?? "",
    url: httpUrl(job.absolute_url) ?? job.absolute_url,
    locations: splitLocations(job.location?.name),
    remoteHint: remoteHintFromMetadata(job.metadata ?? []),
    employmentType: metadataText(job.metadata ?? [], /employment type|job type/i),
    department: optionalText(job.departments?.[0]?.name),
    descriptionHtml,
    salary: salaryFromPayRanges(job.pay_input_ranges ?? []) ?? salaryFromPayBlock(descriptionHtml),
    postedAt: toIsoDate(job.first_published),
    raw: {
      internalJobId: job.internal_job_id ?? null,
      requisitionId: job.requisition_id ?? null,
      updatedAt: job.updated_at ?? null,
      language: job.language ?? null,
      applicationDeadline: job.application_deadline ?? null,
      departments: (job.departments ?? []).map((department) => ({ id: department.id ?? null, name: department.name.trim() })),
      offices: (job.offices ?? []).map((office) => ({ id: office.id ?? null, name: office.name.trim() })),
      metadata,
    },
  };
}

/** "London, UK; Ontario, CAN | San Francisco, CA" → one string per place (commas stay: they join city and region). */
function splitLocations(name: string | null | undefined): string[] {
  return uniqueStrings((name ?? "").split(/\s*[;|]\s*/));
}

function metadataText(metadata: GreenhouseJob["metadata"] & object, name: RegExp): string | undefined {
  const field = metadata.find((entry) => name.test(entry.name));
  return typeof field?.value === "string" ? optionalText(field.value) : undefined;
}

/** Boards that keep a "Location Type"/"Workplace Type" custom field (Anthropic: On-Site / Hybrid / Remote). */
function remoteHintFromMetadata(metadata: GreenhouseJob["metadata"] & object): RawPosting["remoteHint"] {
  const value = metadataText(metadata, /location type|workplace|remote/i)?.toLowerCase();
  if (!value) return undefined;
  if (value.includes("hybrid")) return "hybrid";
  if (value.includes("remote")) return "remote";
  if (/on[- ]?site|in[- ]office/.test(value)) return "onsite";
  return undefined;
}

function salaryFromPayRanges(ranges: NonNullable<GreenhouseJob["pay_input_ranges"]>): RawPosting["salary"] {
  const first = ranges.find((range) => range.min_cents != null || range.max_cents != null);
  if (!first) return undefined;
  // Several ranges (per location zone) in one currency are reported as their overall span.
  const sameCurrency = ranges.filter((range) => range.currency_type === first.currency_type);
  const mins = sameCurrency.flatMap((range) => (range.min_cents != null ? [range.min_cents / 100] : []));
  const maxes = sameCurrency.flatMap((range) => (range.max_cents != null ? [range.max_cents / 100] : []));
  return {
    min: mins.length ? Math.min(...mins) : undefined,
    max: maxes.length ? Math.max(...maxes) : undefined,
    currency: first.currency_type ?? undefined,
  };
}

/** Greenhouse's pay-transparency block inside content: <div class="pay-range"><span>$245,000</span>…<span>$310,000 USD</span></div>. */
function salaryFromPayBlock(html: string | undefined): RawPosting["salary"] {
  if (!html?.includes("pay-range")) return undefined;
  const text = cheerio.load(html)(".pay-range").first().text().replace(/\s+/g, " ").trim();
  return text ? { text } : undefined;
}

export function normalizeToken(input: string): string {
  const expected = "a board token such as anthropic, or a boards.greenhouse.io / job-boards.greenhouse.io URL";
  const url = pastedUrl(input);
  let token: string | undefined;
  if (!url) {
    token = input.trim();
  } else if (/(^|\.)greenhouse\.io$/i.test(url.hostname)) {
    const segments = pathSegments(url);
    if (segments[0] === "embed") token = url.searchParams.get("for") ?? undefined;
    else if (segments[0] === "v1" && segments[1] === "boards") token = segments[2];
    else token = segments[0];
  }
  if (!token || !/^[a-z0-9][a-z0-9_-]*$/i.test(token)) throw badToken(BOARD, input, expected);
  return token.toLowerCase();
}

export async function scrape(context: ScrapeContext) {
  const token = scrapeToken(normalizeToken, context.token);
  const url = `${API}/${encodeURIComponent(token)}/jobs?content=true`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token, url, companyName: context.companyName }));
}

export const greenhouse: BoardScraper = {
  kind: "greenhouse",
  terms: {
    boardName: "Greenhouse",
    termsUrl: "https://developers.greenhouse.io/job-board.html",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
