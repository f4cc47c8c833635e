import { env } from "@/lib/env";
import { postingPath } from "@/lib/format";
import type { ListingItem } from "./listing";

/** A posting as the public JSON API and feeds present it. */
export function apiPosting(item: ListingItem) {
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
    // With q only: where the posting has each search term (title, skills, company, description; null: not at all, through "or").
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
    postedAt: item.postedAt?.toISOString() ?? null,
    listedAt: item.sortAt.toISOString(),
  };
}
