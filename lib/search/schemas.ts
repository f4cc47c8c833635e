import { z } from "zod";
import { SourceKind } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/normalize/country-time-zones";
import { SKILLS_BY_ID } from "@/lib/normalize/skill-taxonomy";
import { typedCountry } from "./typed-country";

export const REMOTE_OPTIONS = ["remote", "hybrid", "onsite"] as const;
export const LEVEL_OPTIONS = ["senior", "staff", "principal", "lead"] as const;
export const TARGET_FAMILIES = ["ml_engineering", "ml_infrastructure", "inference_serving", "applied_research"] as const;
export const ADJACENT_FAMILIES = ["data_science", "ml_management"] as const;
export const FAMILY_OPTIONS = [...TARGET_FAMILIES, ...ADJACENT_FAMILIES] as const;
export const POSTED_OPTIONS = ["24h", "7d", "30d"] as const;
export const SORT_OPTIONS = ["relevance", "newest", "salary"] as const;
export const SOURCE_OPTIONS = Object.values(SourceKind);

/** "senior, staff, principal or lead": the options a value must be one of, as a person reads them. */
function optionList(options: readonly string[]): string {
  return options.length > 1 ? `${options.slice(0, -1).join(", ")} or ${options.at(-1)}` : (options[0] ?? "");
}
const oneOf = <const T extends readonly [string, ...string[]]>(options: T, noun: string) =>
  z.enum(options, { error: `is not ${noun}: ${optionList(options)}` });

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "must be a slug like 'acme-ai'");
const flag = z.boolean();
/** Free text a person types: control characters (NUL above all, which PostgreSQL refuses) are never meant. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), "must not contain control characters");

/**
 * Dollars as a person types them into the salary field: "180000", "180k", "$180,000", "180 000 USD".
 * Anything else stays text, for the schema to refuse in words.
 */
function typedDollars(text: string): number | string {
  const compact = text.trim().toLowerCase().replace(/^(?:us\$|\$|usd)|usd$/g, "").replace(/[\s,_]/g, "");
  const match = /^(-?\d+(?:\.\d+)?)(k?)$/.exec(compact);
  if (!match) return text;
  // Thousands by k, rounded where binary fractions miss ("1.005k" is 1005, not 1004.9999…).
  return match[2] ? Math.round(Number(match[1]) * 1_000_000) / 1_000 : Number(match[1]);
}

/**
 * The listing filter. The very same schema validates URL parameters (field by field, see
 * parseListingParams), the JSON API, feeds, saved searches and alert matching.
 */
export const postingFilterSchema = z
  .object({
    q: text(1, 200),
    remote: z.array(oneOf(REMOTE_OPTIONS, "a work mode")).min(1).max(3),
    /** A country (its ISO code, or its name as typed: "Germany", "UK", which become the code) or a city name. */
    location: text(2, 80).transform((v) => typedCountry(v) ?? v),
    /** "Can I take this from where I live": the person's country, as its ISO code or its name. */
    eligible: z
      .string()
      .trim()
      .transform((v) => typedCountry(v) ?? v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, "must be a country, like DE or Germany").refine(isCountryCode, "is not a country code (ISO 3166-1, like DE)")),
    level: z.array(oneOf(LEVEL_OPTIONS, "a level")).min(1).max(4),
    family: z.array(oneOf(FAMILY_OPTIONS, "a role family")).min(1).max(6),
    /** Also show adjacent roles (data science, ML management). */
    adjacent: flag,
    skills: z
      .array(z.string().refine((id) => SKILLS_BY_ID.has(id), "is not a known skill"))
      .min(1)
      .max(10),
    /** Minimum annual salary in USD: 180000, or as a person types it ("180k", "$180,000"). */
    salaryMin: z.preprocess(
      (value) => (typeof value === "string" ? typedDollars(value) : value),
      z
        .number({ error: "must be a number of US dollars a year, like 180000 or 180k" })
        .int("must be a whole number of US dollars a year, like 180000 or 180k")
        .min(0, "must not be negative")
        .max(5_000_000, "must be at most 5,000,000"),
    ),
    /** With salaryMin: also keep postings that state no salary. */
    withoutSalary: flag,
    /** Only postings that say they sponsor work visas. */
    visa: flag,
    company: z.array(slug).min(1).max(20),
    posted: oneOf(POSTED_OPTIONS, "a time window"),
    source: z.array(oneOf(SOURCE_OPTIONS as [SourceKind, ...SourceKind[]], "a board")).min(1).max(SOURCE_OPTIONS.length),
    sort: oneOf(SORT_OPTIONS, "a sort order"),
  })
  .partial()
  .strict();

export type PostingFilter = z.infer<typeof postingFilterSchema>;

export const ARRAY_FIELDS = ["remote", "level", "family", "skills", "company", "source"] as const;
export const BOOLEAN_FIELDS = ["adjacent", "withoutSalary", "visa"] as const;
export const FILTER_FIELDS = Object.keys(postingFilterSchema.shape) as (keyof PostingFilter)[];

/** Keyset cursor: the sort value and id of the last row of the previous page. */
export const cursorSchema = z.object({
  s: z.union([z.string(), z.number(), z.null()]),
  i: z.number().int().positive(),
});
export type Cursor = z.infer<typeof cursorSchema>;
