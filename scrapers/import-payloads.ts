import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import type { IngestCounts } from "@/lib/ingest/ingest-postings";
import { ingestRawPostings } from "@/lib/ingest/ingest-raw";
import { finishRunFailed, finishRunSucceeded, startRun } from "@/lib/ingest/scrape-runs";
import { normalizePosting } from "@/lib/normalize";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { ensureSource } from "@/lib/sources/queries";
import { getScraper } from "./registry";
import { ScrapeError, type RawPosting, type SourceKind } from "./types";

export interface ParsedFile {
  file: string;
  postings: NormalizedPosting[];
}

/** Parse and normalize one saved payload. No network, no database. Throws with the file named. */
export async function parsePayloadFile(kind: SourceKind, file: string, options: { companyName?: string } = {}): Promise<ParsedFile> {
  const raws = await readRawPostings(kind, file, options);
  return { file, postings: raws.map((raw) => normalizePosting(raw)) };
}

/** The raw postings of one saved payload, as the board's scraper reads them. */
export async function readRawPostings(kind: SourceKind, file: string, options: { companyName?: string } = {}): Promise<RawPosting[]> {
  const scraper = getScraper(kind);
  let payload: string;
  try {
    payload = await readFile(file, "utf8");
  } catch (error) {
    throw new ScrapeError(`${file}: cannot read: ${(error as Error).message}`, "fatal");
  }
  try {
    return scraper.parse(payload, { token: tokenFromFile(file), companyName: options.companyName });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScrapeError(`${file}: ${reason}`, error instanceof ScrapeError ? error.kind : "permanent", { cause: error });
  }
}

/** The board token a saved payload stands for: its file name (demo/payloads/greenhouse/acme.json → acme). */
export function tokenFromFile(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, "");
}

export interface ImportResult {
  file: string;
  ok: boolean;
  counts?: IngestCounts;
  error?: string;
}

/**
 * `scrape import`: each file is one run of the source it stands for, through the same
 * normalize → ingest → ScrapeRun path as a scrape over HTTP. A bad file fails only its own run.
 */
export async function importPayloadFiles(
  db: Db,
  kind: SourceKind,
  files: string[],
  options: { companyNames?: Readonly<Record<string, string>> } = {},
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of files) {
    const token = tokenFromFile(file);
    const source = await ensureSource(db, kind, token, { companyName: options.companyNames?.[token] });
    const runId = await startRun(db, source.id);
    try {
      const raws = await readRawPostings(kind, file, { companyName: source.company?.name });
      const counts = await ingestRawPostings(db, source.id, raws, { previousFetchedCount: source.lastFetchedCount });
      await finishRunSucceeded(db, runId, source.id, counts, { requests: 0, notModified: 0 });
      results.push({ file, ok: true, counts });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const kindOfFailure = error instanceof ScrapeError ? error.kind : "permanent";
      await finishRunFailed(db, runId, source.id, { kind: kindOfFailure, reason }, { requests: 0, notModified: 0 });
      results.push({ file, ok: false, error: reason });
    }
  }
  return results;
}
