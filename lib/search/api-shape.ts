import { z } from "zod";
import { env } from "@/lib/env";
import { postingPath } from "@/lib/format";
import type { ListingItem } from "./listing";

const nullableInt = z.number().int().nullable();

/**
 * A posting as the public JSON API presents it. The OpenAPI document is generated from this schema
 * (lib/search/openapi.ts), and the e2e tests parse the API's answers with it, so the two cannot drift.
 */
export const apiPostingSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.object({ name: z.string(), slug: z.string() }).strict(),
    url: z.url().describe("The posting's page on this site."),
    locations: z.array(z.string()).describe("Locations as the posting writes them."),
    remote: z.string().describe("remote, hybrid, onsite or unknown."),
    remoteRegions: z.array(z.string()).describe("Where a remote role may be done from (country codes and regions)."),
    level: z.string(),
    family: z.string().describe("Role family."),
    fitScore: z.number().describe("How well it fits a senior ML engineering role, 0 to 1."),
    whyItMatches: z.array(z.string()).describe("The role-fit reasons."),
    matchedTerms: z
      .array(z.object({ term: z.string(), in: z.enum(["title", "skills", "company", "description"]).nullable() }).strict())
      .optional()
      .describe("With q only: where the posting has each search term; null for a term it lacks (one side of an OR)."),
    skills: z.array(z.string()).describe("Skill ids."),
    salary: z
      .object({
        annualUsdMin: nullableInt,
        annualUsdMax: nullableInt,
        min: z.number().nullable().describe("As written, in currency per interval."),
        max: z.number().nullable(),
        currency: z.string().nullable(),
        interval: z.string().nullable(),
      })
      .strict()
      .nullable(),
    sponsorsVisa: z.boolean().nullable().describe("Whether the posting says it sponsors work visas; null when it does not say."),
    postedAt: z.iso.datetime().nullable().describe("When the company says it was posted."),
    listedAt: z.iso.datetime().describe("The time the listing sorts by: the posted date when the board gives one we trust, else first seen."),
  })
  .strict();

export type ApiPosting = z.infer<typeof apiPostingSchema>;

/** A posting as the public JSON API presents it. */
export function apiPosting(item: ListingItem): ApiPosting {
  return {
    id: item.id,
    title: item.title,
    company: { name: item.companyName, slug: item.companySlug },
    url: new URL(postingPath(item), env().SITE_URL).toString(),
    locations: item.locations.map((l) => l.raw),
    remote: item.remote,
    remoteRegions: item.remoteRegions,
    level: item.level,
    family: item.family,
    fitScore: item.fitScore,
    whyItMatches: item.fitReasons,
    ...(item.termMatches ? { matchedTerms: item.termMatches } : {}),
    skills: item.skills,
    salary:
      item.salaryMinUsd === null && item.salaryMaxUsd === null
        ? null
        : {
            annualUsdMin: item.salaryMinUsd,
            annualUsdMax: item.salaryMaxUsd,
            min: item.salaryMin,
            max: item.salaryMax,
            currency: item.salaryCurrency,
            interval: item.salaryInterval,
          },
    sponsorsVisa: item.sponsorsVisa,
    postedAt: item.postedAt?.toISOString() ?? null,
    listedAt: item.sortAt.toISOString(),
  };
}
