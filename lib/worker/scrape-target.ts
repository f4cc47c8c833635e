import type { Db } from "@/lib/db";
import type { SourceRef } from "@/lib/sources/queries";

export type ScrapeTarget = SourceRef & { enabled: boolean };

/** The source a scrape job names, with what runSource needs. */
export async function findScrapeTarget(db: Db, sourceId: number): Promise<ScrapeTarget | null> {
  return db.source.findUnique({
    where: { id: sourceId },
    select: {
      id: true,
      kind: true,
      token: true,
      enabled: true,
      lastFetchedCount: true,
      httpValidators: true,
      company: { select: { name: true } },
    },
  });
}
