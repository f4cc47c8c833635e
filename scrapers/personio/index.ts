import { z } from "zod";
import type { BoardScraper, ParseContext, RawPosting, ScrapeContext } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { escapeHtml } from "@/scrapers/shared/html";
import { scrapeSingleListing } from "@/scrapers/shared/listing";
import { validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, companyName, optionalText, singleLine, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, scrapeToken } from "@/scrapers/shared/tokens";
import { readXml } from "@/scrapers/shared/xml";

const BOARD = "personio";

/** An element the feed may leave empty: the parser gives "" for `<tag></tag>`. */
function emptyOr<Schema extends z.ZodType>(schema: Schema) {
  return z.union([z.literal(""), schema]).nullish();
}

const positionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  subcompany: z.string().nullish(),
  office: z.string().nullish(),
  additionalOffices: emptyOr(z.looseObject({ office: z.array(z.string()).nullish() })),
  department: z.string().nullish(),
  recruitingCategory: z.string().nullish(),
  jobDescriptions: emptyOr(
    z.looseObject({ jobDescription: z.array(z.looseObject({ name: z.string().nullish(), value: z.string().nullish() })).nullish() }),
  ),
  employmentType: z.string().nullish(),
  seniority: z.string().nullish(),
  schedule: z.string().nullish(),
  yearsOfExperience: z.string().nullish(),
  /** Comma list with stray spaces ("Compliance ,Immigration"). */
  keywords: z.string().nullish(),
  occupation: z.string().nullish(),
  occupationCategory: z.string().nullish(),
  createdAt: z.string().nullish(),
  salaryInformation: emptyOr(
    z.looseObject({
      min: z.string().nullish(),
      max: z.string().nullish(),
      currencyCode: z.string().nullish(),
      type: z.string().nullish(),
    }),
  ),
});

const feedSchema = z.looseObject({
  "workzag-jobs": z.union([z.literal(""), z.looseObject({ position: z.array(positionSchema).nullish() })]),
});

type Position = z.infer<typeof positionSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const feed = validatePayload(
    BOARD,
    readXml(BOARD, payload, ["workzag-jobs.position", "workzag-jobs.position.jobDescriptions.jobDescription", "workzag-jobs.position.additionalOffices.office"]),
    feedSchema,
  );
  const root = feed["workzag-jobs"];
  const positions = root === "" ? [] : (root.position ?? []);
  const host = hostFor(context);
  return checkPostings(
    BOARD,
    positions.map((position) => toPosting(position, host, context)),
  );
}

/** The feed carries no URLs; job pages live at https://{company}.jobs.personio.de/job/{id}. */
function hostFor(context: ParseContext): string {
  if (context.token) return personioHost(normalizeToken(context.token));
  if (context.url) return new URL(context.url).host;
  throw new Error("personio: parsing needs the company token (or the feed URL) to build job links");
}

function toPosting(position: Position, host: string, context: ParseContext): RawPosting {
  const additional = position.additionalOffices ? (position.additionalOffices.office ?? []) : [];
  const salary = position.salaryInformation || undefined;
  const min = amount(salary?.min);
  const max = amount(salary?.max);
  return {
    externalId: position.id,
    title: singleLine(position.name),
    company: companyName(position.subcompany, context.companyName, host.split(".")[0]) ?? "",
    url: `https://${host}/job/${encodeURIComponent(position.id)}`,
    locations: uniqueStrings([position.office, ...additional]),
    employmentType: optionalText(position.employmentType),
    department: optionalText(position.department),
    descriptionHtml: descriptionHtml(position),
    salary:
      min !== undefined || max !== undefined
        ? { min, max, currency: optionalText(salary?.currencyCode), interval: optionalText(salary?.type) }
        : undefined,
    postedAt: toIsoDate(position.createdAt),
    raw: {
      recruitingCategory: position.recruitingCategory ?? null,
      seniority: position.seniority ?? null,
      schedule: position.schedule ?? null,
      yearsOfExperience: position.yearsOfExperience ?? null,
      keywords: uniqueStrings((position.keywords ?? "").split(",")),
      occupation: position.occupation ?? null,
      occupationCategory: position.occupationCategory ?? null,
    },
  };
}

/** Named sections in feed order, each under its own heading. */
function descriptionHtml(position: Position): string | undefined {
  const sections = position.jobDescriptions ? (position.jobDescriptions.jobDescription ?? []) : [];
  const parts = sections.flatMap((section) => {
    const value = section.value?.trim();
    if (!value) return [];
    const heading = section.name?.trim();
    return [`${heading ? `<h3>${escapeHtml(heading)}</h3>` : ""}${value}`];
  });
  return parts.length ? parts.join("\n") : undefined;
}

function amount(value: string | null | undefined): number | undefined {
  const number = value ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

/** Tokens are the company subdomain ("acme"), or the full host for tenants on jobs.personio.com. */
function personioHost(token: string): string {
  return token.includes(".") ? token : `${token}.jobs.personio.de`;
}

export function normalizeToken(input: string): string {
  const expected = "a company subdomain such as acme, or a {company}.jobs.personio.de URL";
  const url = pastedUrl(input);
  if (url) {
    const match = /^([a-z0-9-]+)\.jobs\.personio\.(de|com)$/i.exec(url.hostname);
    if (!match?.[1]) throw badToken(BOARD, input, expected);
    const company = match[1].toLowerCase();
    return match[2]?.toLowerCase() === "com" ? `${company}.jobs.personio.com` : company;
  }
  const company = input.trim();
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(company)) throw badToken(BOARD, input, expected);
  return company.toLowerCase();
}

export async function scrape(context: ScrapeContext) {
  const token = scrapeToken(normalizeToken, context.token);
  const url = `https://${personioHost(token)}/xml?language=en`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token, url, companyName: context.companyName }));
}

export const personio: BoardScraper = {
  kind: "personio",
  terms: {
    boardName: "Personio",
    termsUrl: "https://developer.personio.de/",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
