import { createHash } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { Db } from "@/lib/db";
import { normalizePosting } from "@/lib/normalize";
import type { NormalizedPosting } from "@/lib/normalize/types";
import type { RawPosting } from "@/scrapers/types";
import { ingestPostings, type IngestCounts, type IngestOptions } from "./ingest-postings";

/** Bump when normalization changes, so every posting is normalized again on its next run. */
export const NORMALIZER_VERSION = 3;

export function rawHash(raw: RawPosting): string {
  return createHash("sha256").update(`${NORMALIZER_VERSION}\n${JSON.stringify(raw)}`).digest("hex");
}

/** Postings per batch written; big enough that statements are few, small enough that writing overlaps normalizing. */
const BATCH_SIZE = 500;
/** Postings normalized between yields, so the batch being written gets its replies read and its next statement sent. */
const YIELD_EVERY = 25;

async function* normalizedBatches(raws: RawPosting[]): AsyncGenerator<NormalizedPosting[]> {
  for (let start = 0; start < raws.length; start += BATCH_SIZE) {
    const batch: NormalizedPosting[] = [];
    for (const raw of raws.slice(start, start + BATCH_SIZE)) {
      batch.push(normalizePosting(raw));
      if (batch.length % YIELD_EVERY === 0) await setImmediate();
    }
    yield batch;
  }
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
  return ingestPostings(db, sourceId, normalizedBatches(changed), {
    ...options,
    unchangedExternalIds: [...new Set(unchanged)],
    rawHashes: hashes,
  });
}
