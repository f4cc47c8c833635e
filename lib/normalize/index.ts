import { companySlug, contentHash, dedupKey } from "@/lib/normalize/dedup";
import { decodeEntities, htmlFromPlainText, repairMojibake, sanitizeDescription, textFromSanitized } from "@/lib/normalize/description";
import { parseEmploymentType } from "@/lib/normalize/employment-type";
import { parseLocation } from "@/lib/normalize/location";
import { classifyRole } from "@/lib/normalize/role-fit";
import { parseSalary, salaryFromDescription, salaryFromStructured } from "@/lib/normalize/salary";
import { extractPostingSkills, matchSkills } from "@/lib/normalize/skills";
import { clipLine, storableValue } from "@/lib/normalize/text-limits";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { visaSponsorship } from "@/lib/normalize/visa";
import type { RawPosting } from "@/scrapers/types";

export interface NormalizeOptions {
  /** The company as the Source names it; wins over the board's spelling so one company's boards dedup together. */
  companyName?: string;
}

/** Entities, mojibake and stray whitespace out of a one-line field (titles, company names), cut to a sane length. */
function cleanLine(text: string): string {
  return clipLine(decodeEntities(repairMojibake(clipLine(text.trim()))).replace(/\s+/g, " ").trim());
}

/**
 * ISO 8601 as promised, plus the board formats that slip through ("2026-07-01 10:00:00 UTC",
 * epochs). A time without a zone (Remotive) is read as UTC, never as the server's local time.
 */
export function parsePostedAt(value: string | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  let time: number;
  if (/^\d{13}$/.test(text)) time = Number(text);
  else if (/^\d{10}$/.test(text)) time = Number(text) * 1000;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) time = Date.parse(`${text}Z`);
  else time = Date.parse(text.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) UTC$/, "$1T$2Z"));
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 2000 && year <= 2100 ? date : null;
}

/**
 * Everything ingest stores for a posting, from what a scraper saw. Pure and total: any RawPosting
 * that passed rawPostingSchema gives a NormalizedPosting (unknowns become null or "unknown").
 * Salary comes from the board's structured fields, else its salary text, else a clear pay-range
 * sentence in the description.
 */
export function normalizePosting(input: RawPosting, options: NormalizeOptions = {}): NormalizedPosting {
  // Parsers already hand over storable text; a RawPosting from elsewhere (classify, tests) may not.
  const raw = storableValue(input) as RawPosting;
  const title = cleanLine(raw.title) || clipLine(raw.title.trim());
  const companyName = cleanLine(options.companyName ?? raw.company) || clipLine(raw.company.trim());
  const descriptionHtml = raw.descriptionHtml
    ? sanitizeDescription(raw.descriptionHtml)
    : raw.descriptionText
      ? htmlFromPlainText(raw.descriptionText)
      : "";
  const descriptionText = textFromSanitized(descriptionHtml);

  const location = parseLocation({
    locations: raw.locations,
    remoteHint: raw.remoteHint,
    remoteEligibility: raw.remoteEligibility,
    text: descriptionText,
  });
  const currencyContext = { countries: location.countries };
  const salary =
    salaryFromStructured(raw.salary) ??
    (raw.salary?.text ? parseSalary(raw.salary.text, currencyContext) : null) ??
    salaryFromDescription(descriptionText, currencyContext);

  const employmentType = parseEmploymentType(raw.employmentType);
  const descriptionMentions = descriptionText ? matchSkills(descriptionText) : [];
  const slug = companySlug(companyName);
  const applyUrl = raw.applyUrl ?? null;

  return {
    externalId: raw.externalId,
    title,
    companyName,
    companySlug: slug,
    url: raw.url,
    applyUrl,
    employmentType: employmentType === "unknown" ? parseEmploymentType(title) : employmentType,
    roleFit: classifyRole({ title, description: descriptionText, descriptionMentions }),
    skills: extractPostingSkills(title, descriptionMentions),
    salary,
    sponsorsVisa: visaSponsorship(descriptionText)?.sponsors ?? null,
    descriptionHtml,
    descriptionText,
    postedAt: parsePostedAt(raw.postedAt),
    dedupKey: dedupKey({ companySlug: slug, title, location }),
    contentHash: contentHash({ title, locations: location.locations, salary, descriptionText, applyUrl }),
    raw: raw.raw ?? null,
    ...location,
  };
}
