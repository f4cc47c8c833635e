import { ashby } from "@/scrapers/ashby";
import { greenhouse } from "@/scrapers/greenhouse";
import { hackernews } from "@/scrapers/hackernews";
import { jsonld } from "@/scrapers/jsonld";
import { lever } from "@/scrapers/lever";
import { personio } from "@/scrapers/personio";
import { recruitee } from "@/scrapers/recruitee";
import { remoteok } from "@/scrapers/remoteok";
import { remotive } from "@/scrapers/remotive";
import { smartrecruiters } from "@/scrapers/smartrecruiters";
import type { BoardScraper, SourceKind } from "@/scrapers/types";
import { weworkremotely } from "@/scrapers/weworkremotely";
import { workable } from "@/scrapers/workable";
import { workday } from "@/scrapers/workday";

const scrapers = [
  greenhouse,
  lever,
  ashby,
  workable,
  smartrecruiters,
  recruitee,
  personio,
  remoteok,
  remotive,
  weworkremotely,
  jsonld,
  hackernews,
  workday,
] as const satisfies readonly BoardScraper[];

/** Every board kind that has a scraper, in a stable order. The only list of kinds. */
export const scraperKinds: readonly SourceKind[] = scrapers.map((scraper) => scraper.kind);

const byKind = new Map<string, BoardScraper>(scrapers.map((scraper) => [scraper.kind, scraper]));

/** Whether a string (a CLI argument, a stored value) names a kind that has a scraper. */
export function hasScraper(kind: string): kind is SourceKind {
  return byKind.has(kind);
}

export function getScraper(kind: SourceKind): BoardScraper {
  const scraper = byKind.get(kind);
  if (!scraper) throw new Error(`No scraper for board kind "${kind}" (known: ${scraperKinds.join(", ")})`);
  return scraper;
}
