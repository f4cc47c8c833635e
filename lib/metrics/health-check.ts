import "server-only";
import type { Db } from "@/lib/db";
import { queueBacklog, type QueueBacklog } from "@/lib/worker/job-queue";
import { getLastSuccessfulScrape, pingDatabase } from "./queries";

export interface HealthReport {
  status: "ok" | "unavailable";
  database: { reachable: boolean; error?: string };
  /** null when the database is unreachable or no worker has installed the queue yet. */
  queue: QueueBacklog | null;
  lastSuccessfulScrapeAt: string | null;
  lastSuccessfulScrapeAgeSeconds: number | null;
}

/** A stuck connection attempt must not hang the probe. */
const DATABASE_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** 503-worthy only when the database is unreachable; a stale scrape is reported, not fatal. */
export async function checkHealth(connect: () => Db, now = new Date()): Promise<HealthReport> {
  try {
    const db = connect();
    await withTimeout(pingDatabase(db), DATABASE_TIMEOUT_MS);
    const [queue, lastSuccess] = await Promise.all([queueBacklog(db), getLastSuccessfulScrape(db)]);
    return {
      status: "ok",
      database: { reachable: true },
      queue,
      lastSuccessfulScrapeAt: lastSuccess?.toISOString() ?? null,
      lastSuccessfulScrapeAgeSeconds: lastSuccess ? Math.round((now.getTime() - lastSuccess.getTime()) / 1000) : null,
    };
  } catch (error) {
    return {
      status: "unavailable",
      database: { reachable: false, error: error instanceof Error ? error.message.split("\n")[0] : String(error) },
      queue: null,
      lastSuccessfulScrapeAt: null,
      lastSuccessfulScrapeAgeSeconds: null,
    };
  }
}
