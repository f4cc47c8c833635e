import { PrismaPg } from "@prisma/adapter-pg";
import path from "node:path";
import { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedPostgres } from "./database/embedded-postgres";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = InstanceType<typeof PrismaClient>;

/**
 * The one Prisma client. With DATABASE_URL it talks to that PostgreSQL; without it, to the
 * embedded PGlite under DATA_DIR, started on first use by ensureDatabase().
 */
const globalForDb = globalThis as unknown as {
  mlradarDb?: { url: string; client: Db };
  mlradarWordSampleDb?: { url: string; client: Db };
  mlradarEmbedded?: Promise<EmbeddedPostgres | undefined>;
  mlradarEmbeddedUrl?: string;
};

/** Resolve the database URL, starting the embedded database when none is configured. */
export async function ensureDatabase(): Promise<string> {
  const configured = process.env.DATABASE_URL || env().DATABASE_URL;
  if (configured) return configured;
  if (globalForDb.mlradarEmbeddedUrl) return globalForDb.mlradarEmbeddedUrl;
  const dataDir = path.resolve(env().DATA_DIR);
  const running = await findRunningEmbedded(dataDir);
  if (running) {
    globalForDb.mlradarEmbeddedUrl = running;
    return running;
  }
  globalForDb.mlradarEmbedded ??= startEmbeddedPostgres({ dataDir });
  const embedded = await globalForDb.mlradarEmbedded;
  globalForDb.mlradarEmbeddedUrl = embedded!.url;
  return embedded!.url;
}

function currentUrl(): string {
  const url = process.env.DATABASE_URL || globalForDb.mlradarEmbeddedUrl;
  if (!url) {
    throw new Error(
      "No database: set DATABASE_URL, or call ensureDatabase() at startup to use the embedded one",
    );
  }
  return url;
}

/**
 * Prisma's defaults (2 s to start a transaction, 5 s to finish one) are short on a busy database: on
 * the embedded one another run's ingest holds the only session for seconds, and a 100-kill run saw
 * scrape runs and the scheduler fail only because their transaction could not start in time.
 */
const TRANSACTION_DEFAULTS = { maxWait: 30_000, timeout: 60_000 };

/**
 * Set on every connection. At 4 MB (PostgreSQL's default) the bitmap of a word in most postings turns
 * lossy, and every candidate row is then checked again against its detoasted search vector: the facet
 * panel for a broad word with filters took 255 ms at a million postings, 160 ms with 16 MB.
 */
export const SESSION_OPTIONS = "-c work_mem=16MB";

/**
 * For the connections that take a facet sample of a word search (getWordSampleDb). For a word in
 * most postings the planner scans the table until it has the sample, reading each row's search
 * vector back from TOAST, a cost it does not model: at a million postings the facet query took 200 ms
 * that way and 68 ms from the word index's bitmap (exact at this work_mem). Where no index serves, it
 * still scans.
 */
export const WORD_SAMPLE_OPTIONS = `${SESSION_OPTIONS} -c enable_seqscan=off -c enable_indexscan=off`;

export function createClient(url: string, options = SESSION_OPTIONS, max = 10): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max, options }),
    transactionOptions: TRANSACTION_DEFAULTS,
  });
}

/** The shared client, (re)created when the URL changes (tests give each file its own database). */
export function getDb(): Db {
  const url = currentUrl();
  if (globalForDb.mlradarDb?.url !== url) {
    void globalForDb.mlradarDb?.client.$disconnect();
    globalForDb.mlradarDb = { url, client: createClient(url) };
  }
  return globalForDb.mlradarDb.client;
}

/**
 * The client for a word search's facet sample (WORD_SAMPLE_OPTIONS), beside the shared one. On the
 * embedded PGlite every connection shares one session and startup options are ignored, so there it
 * is the shared client.
 */
export function getWordSampleDb(): Db {
  const url = currentUrl();
  if (url === globalForDb.mlradarEmbeddedUrl) return getDb();
  if (globalForDb.mlradarWordSampleDb?.url !== url) {
    void globalForDb.mlradarWordSampleDb?.client.$disconnect();
    globalForDb.mlradarWordSampleDb = { url, client: createClient(url, WORD_SAMPLE_OPTIONS, 4) };
  }
  return globalForDb.mlradarWordSampleDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = [globalForDb.mlradarDb, globalForDb.mlradarWordSampleDb];
  globalForDb.mlradarDb = undefined;
  globalForDb.mlradarWordSampleDb = undefined;
  await Promise.all(current.map((entry) => entry?.client.$disconnect()));
}

/** Stop the embedded database this process started, if any. */
export async function stopEmbeddedDatabase(): Promise<void> {
  await disconnectDb();
  const embedded = await globalForDb.mlradarEmbedded;
  globalForDb.mlradarEmbedded = undefined;
  globalForDb.mlradarEmbeddedUrl = undefined;
  await embedded?.stop();
}
