import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities } from "@/scrapers/shared/html";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
import { readJson, validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, httpUrl, optionalText, singleLine, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "remoteok";
const API = "https://remoteok.com/api";

const jobSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  slug: z.string().nullish(),
  /** Epoch seconds. */
  epoch: z.number().nullish(),
  date: z.string().nullish(),
  company: z.string(),
  position: z.string(),
  tags: z.array(z.string()).nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  /** 0 means unknown. */
  salary_min: z.number().nullish(),
  salary_max: z.number().nullish(),
  apply_url: z.string().nullish(),
  url: z.string(),
});

type RemoteOkJob = z.infer<typeof jobSchema>;

export function parse(payload: string, _context: ParseContext): RawPosting[] {
  const elements = validatePayload(BOARD, readJson(BOARD, payload), z.array(z.unknown()));
  const jobs = elements.flatMap((element, index) =>
    // Element 0 is the API's legal notice ({last_updated, legal}), not a job.
    isLegalNotice(element) ? [] : [validatePayload(BOARD, element, jobSchema, [index])],
  );
  return checkPostings(BOARD, jobs.map(toPosting));
}

function isLegalNotice(element: unknown): boolean {
  return typeof element === "object" && element !== null && "legal" in element && !("position" in element);
}

function toPosting(job: RemoteOkJob): RawPosting {
  const min = positive(job.salary_min);
  const max = positive(job.salary_max);
  const location = optionalText(job.location);
  return {
    externalId: String(job.id),
    title: singleLine(decodeEntities(repairMojibake(job.position))),
    company: singleLine(decodeEntities(repairMojibake(job.company))),
    // Remote OK's terms ask for a followed link back to the posting on Remote OK.
    url: httpUrl(job.url) ?? job.url,
    applyUrl: httpUrl(job.apply_url),
    locations: uniqueStrings([location ? repairMojibake(location) : undefined]),
    // Everything on Remote OK is a remote job.
    remoteHint: "remote",
    descriptionHtml: job.description ? optionalText(repairMojibake(job.description)) : undefined,
    // Remote OK shows salaries as yearly USD.
    salary: min !== undefined || max !== undefined ? { min, max, currency: "USD", interval: "year" } : undefined,
    postedAt: toIsoDate(job.date ?? job.epoch),
    raw: { slug: job.slug ?? null, tags: job.tags ?? [] },
  };
}

function positive(value: number | null | undefined): number | undefined {
  return value && value > 0 ? value : undefined;
}

/**
 * Remote OK re-encodes UTF-8 text as if it were Latin-1 ("donâ\u0080\u0099t"). Each run that is a
 * valid UTF-8 byte sequence when read as Latin-1 bytes is decoded back; anything else is left alone.
 */
export function repairMojibake(text: string): string {
  return text.replace(/[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g, (run) => {
    const decoded = Buffer.from(run, "latin1").toString("utf8");
    return decoded.includes("\ufffd") ? run : decoded;
  });
}

export function normalizeToken(input: string): string {
  const text = input.trim();
  const url = pastedUrl(text);
  const isRemoteOk = url && /^(www\.)?remoteok\.(com|io)$/i.test(url.hostname);
  // The API serves one feed of all jobs; the board itself is the only "token".
  if (/^(all|remoteok)$/i.test(text) || (isRemoteOk && ["", "api"].includes(pathSegments(url).join("/")))) return "all";
  throw badToken(BOARD, input, `"all" or https://remoteok.com/api`);
}

export async function scrape(context: ScrapeContext) {
  scrapeToken(normalizeToken, context.token);
  return scrapeSingleListing(context, API, (body) => parse(body, { url: API }));
}

export const remoteok: BoardScraper = {
  kind: "remoteok",
  terms: {
    boardName: "Remote OK",
    termsUrl: "https://remoteok.com/api",
    attribution: "Source: Remote OK (https://remoteok.com). Every posting links back to its page on Remote OK.",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
