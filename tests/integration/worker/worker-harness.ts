import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { createHttpClient, type HttpClient } from "@/lib/http";
import type { Db } from "@/lib/db";
import { startWorker, type WorkerHandle, type WorkerOptions } from "@/lib/worker/start-worker";
import { startFixtureServer, type FixtureServer } from "@/tests/helpers/fixture-server";
import type { TestDatabase } from "@/tests/helpers/test-database";

/** A career page carrying one schema.org JobPosting, in the format the jsonld scraper reads. */
export const CAREER_PAGE = readFileSync(path.resolve(process.cwd(), "demo/payloads/jsonld/oakmere-logistics.html"), "utf8");

export const quietLog = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

export interface CareerSite {
  server: FixtureServer;
  /** Serves a page at /careers/<name> and returns its URL. */
  page(name: string): string;
  /** Scrapes of a page (robots.txt excluded), and the most that were in flight at once. */
  hits(name: string): number;
  maxInFlight(name: string): number;
  /** How a page answers: a delay first, then a status (200 serves the page). */
  behave(name: string, behaviour: { delayMs?: number; status?: number }): void;
  close(): Promise<void>;
}

/** A local site of career pages. */
export async function startCareerSite(): Promise<CareerSite> {
  const behaviours = new Map<string, { delayMs?: number; status?: number }>();
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const hits = new Map<string, number>();
  const server = await startFixtureServer();
  return {
    server,
    page(name) {
      server.route(`/careers/${name}`, async (_request, response) => {
        inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
        peak.set(name, Math.max(peak.get(name) ?? 0, inFlight.get(name)!));
        hits.set(name, (hits.get(name) ?? 0) + 1);
        try {
          const behaviour = behaviours.get(name) ?? {};
          if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
          const status = behaviour.status ?? 200;
          response.writeHead(status, { "content-type": status === 200 ? "text/html; charset=utf-8" : "text/plain" });
          response.end(status === 200 ? CAREER_PAGE : "unavailable");
        } finally {
          inFlight.set(name, inFlight.get(name)! - 1);
        }
      });
      return `${server.url}/careers/${name}`;
    },
    hits: (name) => hits.get(name) ?? 0,
    maxInFlight: (name) => peak.get(name) ?? 0,
    behave: (name, behaviour) => void behaviours.set(name, behaviour),
    close: () => server.close(),
  };
}

/** No retries inside lib/http: a failing page fails the run at once, so the job's own retry is what is tested. */
export function testHttp(): HttpClient {
  return createHttpClient({
    contactUrl: "https://mlradar.example/contact",
    allowPrivateHosts: ["127.0.0.1"],
    minIntervalMs: 0,
    maxRetries: 0,
    totalTimeoutMs: 20_000,
  });
}

export async function addCareerSource(db: Db, url: string, data: { schedule?: string; nextRunAt?: Date | null } = {}) {
  return db.source.create({ data: { kind: "jsonld", token: url, ...data }, select: { id: true } });
}

/** A worker on the test database: no minute ticks (tests enqueue them), fast polling. */
export async function startTestWorker(database: TestDatabase, overrides: Partial<WorkerOptions> = {}): Promise<WorkerHandle> {
  return startWorker({
    connectionString: database.url,
    db: database.db,
    http: overrides.http ?? testHttp(),
    log: quietLog,
    concurrency: 2,
    pollIntervalMs: 100,
    cron: false,
    ...overrides,
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false | null>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The job table's state for one task. */
export async function jobsOf(db: Db, task: string) {
  return db.$queryRaw<{ id: bigint; key: string | null; attempts: number; max_attempts: number; last_error: string | null; locked_at: Date | null; run_at: Date }[]>`
    SELECT id, key, attempts, max_attempts, last_error, locked_at, run_at FROM graphile_worker.jobs WHERE task_identifier = ${task} ORDER BY id`;
}

export async function addJob(db: Db, task: string, payload: object = {}): Promise<void> {
  await db.$queryRaw`SELECT id FROM graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json)`;
}

/**
 * scripts/worker.ts under tsx's loader, as the Procfile runs it. (The `tsx` CLI is a parent process that
 * relays signals and SIGKILLs a child that does not acknowledge one within 30 ms: not what a test of
 * graceful shutdown should measure.)
 */
export function spawnWorker(databaseUrl: string): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--poll-interval", "200"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HTTP_ALLOW_PRIVATE_HOSTS: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

