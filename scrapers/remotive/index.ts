import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities } from "@/scrapers/shared/html";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
import { parseJsonPayload } from "@/scrapers/shared/payload";
import { checkPostings, httpUrl, optionalText, singleLine, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "remotive";
const API = "https://remotive.com/api/remote-jobs";

const jobSchema = z.looseObject({
  id: z.union([z.number(), z.string().min(1)]),
  url: z.string(),
  title: z.string(),
  company_name: z.string(),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_type: z.string().nullish(),
  /** No time zone ("2026-07-09T08:01:56"). */
  publication_date: z.string().nullish(),
  candidate_required_location: z.string().nullish(),
  /** Free text: "", "-", "$75k - $95k", "$50-$75 /hour". */
  salary: z.string().nullish(),
  description: z.string().nullish(),
});

const feedSchema = z.looseObject({ jobs: z.array(jobSchema) });

type RemotiveJob = z.infer<typeof jobSchema>;

export function parse(payload: string, _context: ParseContext): RawPosting[] {
  return checkPostings(BOARD, parseJsonPayload(BOARD, payload, feedSchema).jobs.map(toPosting));
}

function toPosting(job: RemotiveJob): RawPosting {
  const salary = optionalText(job.salary);
  return {
    externalId: String(job.id),
    title: singleLine(decodeEntities(job.title)),
    company: singleLine(decodeEntities(job.company_name)),
    url: httpUrl(job.url) ?? job.url,
    locations: [],
    // Every Remotive job is remote; candidate_required_location says where applicants may live.
    remoteHint: "remote",
    remoteEligibility: uniqueStrings((job.candidate_required_location ?? "").split(",")),
    employmentType: optionalText(job.job_type),
    department: optionalText(job.category),
    descriptionHtml: optionalText(job.description),
    salary: salary && /\d/.test(salary) ? { text: salary } : undefined,
    postedAt: toIsoDate(job.publication_date),
    raw: { tags: job.tags ?? [] },
  };
}

export function normalizeToken(input: string): string {
  const text = input.trim();
  const url = pastedUrl(text);
  let category: string | undefined;
  if (!url) category = text;
  else if (/^(www\.)?remotive\.(com|io)$/i.test(url.hostname)) {
    const segments = pathSegments(url);
    // remotive.com/api/remote-jobs?category=x, or a category page remotive.com/remote-jobs/x
    category = url.searchParams.get("category") ?? (segments[0] === "remote-jobs" ? segments[1] : undefined) ?? "all";
  }
  if (!category || !/^[a-z0-9][a-z0-9-]*$/i.test(category)) {
    throw badToken(BOARD, input, `"all", a category slug such as software-dev, or a remotive.com URL`);
  }
  return category.toLowerCase();
}

export async function scrape(context: ScrapeContext) {
  const category = scrapeToken(normalizeToken, context.token);
  const url = category === "all" ? API : `${API}?category=${encodeURIComponent(category)}`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token: category, url }));
}

export const remotive: BoardScraper = {
  kind: "remotive",
  terms: {
    boardName: "Remotive",
    termsUrl: "https://remotive.com/api-documentation",
    attribution: "Source: Remotive (https://remotive.com). Every posting links back to its page on Remotive.",
    listingAllowed: false,
    disabledReason:
      "Remotive's API notice forbids submitting its jobs to third-party job sites and showing them to collect sign-ups, " +
      "and requires a link back and attribution (jobs are delayed 24 h; at most 4 requests a day). " +
      "Enable only with Remotive's permission or their paid API.",
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
