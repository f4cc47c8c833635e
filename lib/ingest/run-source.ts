import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "@/lib/db";
import { validatorMapSchema, type HttpClient } from "@/lib/http";
import type { SourceRef } from "@/lib/sources/queries";
import { getScraper } from "@/scrapers/registry";
import { ScrapeError } from "@/scrapers/types";
import type { IngestCounts } from "./ingest-postings";
import { ingestRawPostings } from "./ingest-raw";
import { finishRunFailed, finishRunSucceeded, startRun } from "./scrape-runs";

export const DEFAULT_MAX_PAGES = 50;

export interface RunSummary {
  runId: number;
  sourceId: number;
  kind: string;
  token: string;
  status: "succeeded" | "unchanged" | "failed";
  counts: IngestCounts | null;
  pages: number;
  requests: number;
  notModified: number;
  durationMs: number;
  error?: { kind: string; reason: string };
}

export interface RunSourceOptions {
  db: Db;
  http: HttpClient;
  log?: Logger;
  maxPages?: number;
  onProgress?: (progress: { pages: number; postings: number }) => void;
  now?: () => Date;
}

/**
 * One scrape of one source: fetch through the polite client, normalize, ingest, record the run.
 * A failure of any kind is recorded on the run and closes nothing; it never throws.
 */
export async function runSource(source: SourceRef, options: RunSourceOptions): Promise<RunSummary> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const runId = await startRun(db, source.id, now());
  const log = options.log?.child({ runId, sourceId: source.id, kind: source.kind, token: source.token, scrapeRun: randomUUID() });
  const stored = validatorMapSchema.safeParse(source.httpValidators);
  const fetcher = options.http.fetcherFor({ validators: stored.success ? stored.data : {}, log });
  const base = { runId, sourceId: source.id, kind: source.kind, token: source.token };
  let pages = 0;
  try {
    const outcome = await getScraper(source.kind).scrape({
      token: source.token,
      companyName: source.company?.name,
      fetcher,
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      onProgress: (progress) => {
        pages = progress.pages;
        options.onProgress?.(progress);
      },
    });
    pages = outcome.pages;
    const stats = fetcher.stats();
    if (outcome.unchanged) {
      // A 304 means "as last time": nothing to write, and nothing counts as missing.
      await finishRunSucceeded(db, runId, source.id, null, stats, { validators: fetcher.validators(), now: now() });
      log?.info({ requests: stats.requests, notModified: stats.notModified }, "scrape: unchanged");
      return { ...base, status: "unchanged", counts: null, pages, ...stats, durationMs: Date.now() - started };
    }
    const counts = await ingestRawPostings(db, source.id, outcome.postings, { previousFetchedCount: source.lastFetchedCount, now: now() });
    await finishRunSucceeded(db, runId, source.id, counts, stats, { validators: fetcher.validators(), now: now() });
    log?.info({ ...counts, requests: stats.requests }, "scrape: succeeded");
    return { ...base, status: "succeeded", counts, pages, ...stats, durationMs: Date.now() - started };
  } catch (error) {
    const failure = {
      kind: error instanceof ScrapeError ? error.kind : "permanent",
      reason: error instanceof Error ? error.message : String(error),
    };
    const stats = fetcher.stats();
    await finishRunFailed(db, runId, source.id, failure, stats, now());
    log?.warn({ error: failure }, "scrape: failed");
    return { ...base, status: "failed", counts: null, pages, ...stats, durationMs: Date.now() - started, error: failure };
  }
}
