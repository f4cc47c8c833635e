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
import { badToken, pastedUrl, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "recruitee";

/** Recruitee sends amounts as strings ("75.00"); numbers are accepted too. */
const amountSchema = z.union([z.string(), z.number()]).nullish();

const offerSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  guid: z.string().nullish(),
  slug: z.string().nullish(),
  title: z.string(),
  company_name: z.string().nullish(),
  department: z.string().nullish(),
  /** Free text; "Remote job" on remote offers. */
  location: z.string().nullish(),
  city: z.string().nullish(),
  state_name: z.string().nullish(),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
  locations: z
    .array(
      z.looseObject({
        name: z.string().nullish(),
        city: z.string().nullish(),
        state: z.string().nullish(),
        country: z.string().nullish(),
      }),
    )
    .nullish(),
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  employment_type_code: z.string().nullish(),
  category_code: z.string().nullish(),
  experience_code: z.string().nullish(),
  education_code: z.string().nullish(),
  min_hours: z.number().nullish(),
  max_hours: z.number().nullish(),
  salary: z
    .looseObject({ min: amountSchema, max: amountSchema, period: z.string().nullish(), currency: z.string().nullish() })
    .nullish(),
  description: z.string().nullish(),
  requirements: z.string().nullish(),
  careers_url: z.string(),
  careers_apply_url: z.string().nullish(),
  /** "YYYY-MM-DD HH:MM:SS UTC". */
  published_at: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  close_at: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
});

const offersSchema = z.looseObject({ offers: z.array(offerSchema) });
const oneOfferSchema = z.looseObject({ offer: offerSchema });

type Offer = z.infer<typeof offerSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  const offers = hasKey(value, "offer")
    ? [validatePayload(BOARD, value, oneOfferSchema).offer]
    : validatePayload(BOARD, value, offersSchema).offers;
  return checkPostings(
    BOARD,
    offers.map((offer) => toPosting(offer, context)),
  );
}

function toPosting(offer: Offer, context: ParseContext): RawPosting {
  const places = (offer.locations ?? []).map((place) => formatPlace(place.city ?? place.name, place.state, place.country));
  const salary = salaryOf(offer.salary);
  return {
    externalId: String(offer.id),
    title: singleLine(offer.title),
    company: companyName(offer.company_name, context.companyName, context.token) ?? "",
    url: httpUrl(offer.careers_url) ?? offer.careers_url,
    applyUrl: httpUrl(offer.careers_apply_url),
    locations: uniqueStrings(
      places.some(Boolean) ? places : [formatPlace(offer.city, offer.state_name, offer.country) ?? offer.location],
    ),
    remoteHint: offer.remote ? "remote" : offer.hybrid ? "hybrid" : offer.on_site ? "onsite" : undefined,
    employmentType: optionalText(offer.employment_type_code),
    department: optionalText(offer.department),
    descriptionHtml: descriptionHtml(offer),
    salary: salary.accepted,
    postedAt: toIsoDate(offer.published_at ?? offer.created_at),
    raw: {
      guid: offer.guid ?? null,
      slug: offer.slug ?? null,
      category: offer.category_code ?? null,
      experience: offer.experience_code ?? null,
      education: offer.education_code ?? null,
      minHours: offer.min_hours ?? null,
      maxHours: offer.max_hours ?? null,
      updatedAt: offer.updated_at ?? null,
      closeAt: offer.close_at ?? null,
      tags: offer.tags ?? [],
      ...(salary.rejected ? { salaryAsGiven: salary.rejected } : {}),
    },
  };
}

function descriptionHtml(offer: Offer): string | undefined {
  const description = optionalText(offer.description);
  const requirements = optionalText(offer.requirements);
  const parts = [description, requirements ? `<h3>Job requirements</h3>${requirements}` : undefined].filter(Boolean);
  return parts.length ? parts.join("\n") : undefined;
}

/** Below these a figure cannot be pay for that period in any currency ("75.00" per year is 75k typed in thousands). */
const SMALLEST_PLAUSIBLE: Record<string, number> = { year: 1000, month: 100, week: 20, day: 5, hour: 1 };

function salaryOf(salary: Offer["salary"]): { accepted?: RawPosting["salary"]; rejected?: Record<string, unknown> } {
  if (!salary) return {};
  const min = amount(salary.min);
  const max = amount(salary.max);
  if (min === undefined && max === undefined) return {};
  const period = salary.period?.toLowerCase() ?? undefined;
  const floor = period ? SMALLEST_PLAUSIBLE[period] : undefined;
  const plausible =
    floor !== undefined &&
    [min, max].every((value) => value === undefined || value >= floor) &&
    (min === undefined || max === undefined || min <= max);
  if (!plausible) return { rejected: { ...salary } };
  return { accepted: { min, max, currency: optionalText(salary.currency), interval: period } };
}

function amount(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value.replace(/[,\s]/g, ""));
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

export function normalizeToken(input: string): string {
  const expected = "a company subdomain such as aikidosecurity, or a {company}.recruitee.com URL";
  const url = pastedUrl(input);
  const company = url
    ? /^[a-z0-9-]+\.recruitee\.com$/i.test(url.hostname)
      ? url.hostname.split(".")[0]
      : undefined
    : input.trim();
  if (!company || !/^[a-z0-9][a-z0-9-]*$/i.test(company)) throw badToken(BOARD, input, expected);
  return company.toLowerCase();
}

export async function scrape(context: ScrapeContext) {
  const token = scrapeToken(normalizeToken, context.token);
  const url = `https://${token}.recruitee.com/api/offers`;
  return scrapeSingleListing(context, url, (body) => parse(body, { token, url, companyName: context.companyName }));
}

export const recruitee: BoardScraper = {
  kind: "recruitee",
  terms: {
    boardName: "Recruitee",
    termsUrl: "https://docs.recruitee.com/",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
