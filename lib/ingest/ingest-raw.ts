import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { normalizePosting } from "@/lib/normalize";
import type { RawPosting } from "@/scrapers/types";
import { ingestPostings, type IngestCounts, type IngestOptions } from "./ingest-postings";

/** Bump when normalization changes, so every posting is normalized again on its next run. */
export const NORMALIZER_VERSION = 1;

export function rawHash(raw: RawPosting): string {
  return createHash("sha256").update(`${NORMALIZER_VERSION}\n${JSON.stringify(raw)}`).digest("hex");
}

/**
 * Ingest a run's raw postings: those whose raw content is exactly what this source listed last
 * time are only touched (normalizing is the expensive part); the rest are normalized and upserted.
 */
export async function ingestRawPostings(
  db: Db,
  sourceId: number,
  raws: RawPosting[],
  options: Omit<IngestOptions, "unchangedExternalIds" | "rawHashes"> = {},
): Promise<IngestCounts> {
  const hashes = new Map(raws.map((raw) => [raw.externalId, rawHash(raw)]));
  const ids = [...hashes.keys()];
  const known = ids.length
    ? await db.$queryRaw<{ external_id: string; raw_hash: string }[]>`
        SELECT s.external_id, s.raw_hash FROM sighting s JOIN posting p ON p.id = s.posting_id
        WHERE s.source_id = ${sourceId} AND s.external_id = ANY(${ids}::text[])
          AND s.raw_hash IS NOT NULL AND s.closed_at IS NULL AND p.closed_at IS NULL`
    : [];
  const knownHashes = new Map(known.map((row) => [row.external_id, row.raw_hash]));
  const unchanged: string[] = [];
  const changed: RawPosting[] = [];
  for (const raw of raws) {
    if (knownHashes.get(raw.externalId) === hashes.get(raw.externalId)) unchanged.push(raw.externalId);
    else changed.push(raw);
  }
  return ingestPostings(db, sourceId, changed.map((raw) => normalizePosting(raw)), {
    ...options,
    unchangedExternalIds: [...new Set(unchanged)],
    rawHashes: hashes,
  });
}
