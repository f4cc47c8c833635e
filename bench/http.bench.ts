/**
 * `npm run bench -- http [--seconds 15] [--connections 8] [--rounds 3] [--keep]`: requests per
 * second and p50/p99 of the built site (`next start` on 127.0.0.1) with 100,000 generated postings
 * in a fresh PostgreSQL database, driven by a bounded load generator in a second process:
 * the anonymous listing (served from the 60-second listing cache), the same listing uncached (as a
 * signed-in visitor gets it: any session cookie), and /sign-in, a dynamic page of the same app that
 * touches no database. Scenarios alternate over the rounds; figures are medians over rounds.
 */
import { cookiePolicy } from "@/lib/auth/cookies";
import { buildIfStale } from "@/scripts/next-build";
import { benchPostgresUrl, openBenchDatabase } from "./lib/bench-database";
import { runLoad, type LoadResult } from "./lib/load-generator";
import { startNextServer, type NextServer } from "./lib/next-server";
import type { Figure } from "./lib/report";
import { median } from "./lib/stats";

const SIZE = 100_000;
const GOALS = { cachedVsUncached: 7, uncachedVsNoDb: 0.75 };
/** The listing URLs each scenario cycles through: browsing, filters, a word, a word with filters. */
const LISTING_PATHS = [
  "/",
  "/?level=senior&remote=remote",
  "/?skills=pytorch&salaryMin=180000",
  "/?q=genomics",
  "/?q=experience&level=senior",
  "/?remote=remote&sort=salary",
];
const NO_DB_PATHS = ["/sign-in"];

interface Options {
  seconds: number;
  connections: number;
  rounds: number;
  maxRequests: number;
  keep: boolean;
}

function parseOptions(args: string[]): Options {
  const options: Options = { seconds: 15, connections: 8, rounds: 3, maxRequests: 50_000, keep: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} needs a positive whole number`);
      return n;
    };
    if (arg === "--seconds") options.seconds = Math.min(120, value());
    else if (arg === "--connections") options.connections = Math.min(64, value());
    else if (arg === "--rounds") options.rounds = Math.min(10, value());
    else if (arg === "--max-requests") options.maxRequests = value();
    else if (arg === "--keep") options.keep = true;
    else throw new Error(`unknown option ${arg} (--seconds N, --connections N, --rounds N, --max-requests N, --keep)`);
  }
  return options;
}

const log = (line: string) => console.error(line);

/** Every listing URL answers 200 with postings both ways, and the cached page shows the same postings. */
async function checkPages(origin: string, cookie: string): Promise<void> {
  const postingLinks = (html: string) => [...html.matchAll(/href="(\/jobs\/\d+\/[^"]*)"/g)].map((m) => m[1]).join(" ");
  for (const pathname of LISTING_PATHS) {
    const fresh = await fetch(origin + pathname, { headers: { cookie } });
    const cached = await fetch(origin + pathname);
    const [freshHtml, cachedHtml] = [await fresh.text(), await cached.text()];
    if (fresh.status !== 200 || cached.status !== 200) throw new Error(`${pathname}: HTTP ${fresh.status} uncached, ${cached.status} cached`);
    const count = (freshHtml.match(/data-testid="posting"/g) ?? []).length;
    if (count === 0) throw new Error(`${pathname}: no postings on the page`);
    if (postingLinks(freshHtml) !== postingLinks(cachedHtml)) throw new Error(`${pathname}: the cached page lists other postings than the uncached one`);
    log(`check ${pathname}: ${count} postings, cached and uncached agree`);
  }
}

export async function run(args: string[]): Promise<Figure[]> {
  const options = parseOptions(args);
  const base = benchPostgresUrl("http");
  if (!base) process.exit(2);
  const database = await openBenchDatabase(base, { size: SIZE, keep: options.keep, log });
  let server: NextServer | undefined;
  try {
    await database.db.$disconnect();
    if (database.generated) log(`generated ${SIZE.toLocaleString("en-US")} postings in ${(database.generated.totalMs / 1000).toFixed(0)} s`);
    const built = await buildIfStale();
    if (built !== 0) throw new Error(`next build failed (exit code ${built})`);

    server = await startNextServer({ DATABASE_URL: database.url });
    const origin = server.origin;
    const cookie = `${cookiePolicy(origin).names.session_token}=bench-not-a-real-session`;
    await checkPages(origin, cookie);

    const scenarios = {
      cached: { paths: LISTING_PATHS, headers: {} },
      uncached: { paths: LISTING_PATHS, headers: { cookie } },
      "no-db": { paths: NO_DB_PATHS, headers: {} },
    } as const;
    const results: Record<keyof typeof scenarios, LoadResult[]> = { cached: [], uncached: [], "no-db": [] };
    for (let round = 1; round <= options.rounds; round++) {
      for (const name of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
        const result = await runLoad({
          origin,
          paths: [...scenarios[name].paths],
          headers: scenarios[name].headers,
          connections: options.connections,
          seconds: options.seconds,
          maxRequests: options.maxRequests,
          warmup: 3,
          timeoutMs: 30_000,
        });
        results[name].push(result);
        log(
          `round ${round} ${name}: ${result.requests} requests in ${result.seconds.toFixed(1)} s, ${result.requestsPerSecond.toFixed(1)} req/s, ` +
            `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(0)} ms, errors ${result.errors}` +
            (result.errors ? ` ${JSON.stringify(result.errorKinds)}` : ""),
        );
      }
    }

    const rate = (name: keyof typeof scenarios) => median(results[name].map((r) => r.requestsPerSecond));
    const p50 = (name: keyof typeof scenarios) => median(results[name].map((r) => r.p50));
    const p99 = (name: keyof typeof scenarios) => median(results[name].map((r) => r.p99));
    const total = (name: keyof typeof scenarios) => results[name].reduce((sum, r) => sum + r.requests, 0);
    const errors = Object.values(results).flat().reduce((sum, r) => sum + r.errors, 0);
    const setup = `${options.connections} connections, ${options.seconds} s x ${options.rounds} rounds, ${SIZE.toLocaleString("en-US")} postings`;
    const describe = (name: keyof typeof scenarios) => `p50 ${p50(name).toFixed(1)} ms, p99 ${p99(name).toFixed(1)} ms, ${total(name)} requests`;
    return [
      { name: "http listing, anonymous (cached)", value: rate("cached"), unit: "req/s", note: `${describe("cached")}; ${LISTING_PATHS.length} listing URLs` },
      { name: "http listing, uncached", value: rate("uncached"), unit: "req/s", note: `${describe("uncached")}; same URLs with a session cookie` },
      { name: "http /sign-in (dynamic, no database)", value: rate("no-db"), unit: "req/s", note: describe("no-db") },
      { name: "http listing p99, anonymous (cached)", value: p99("cached"), unit: "ms" },
      { name: "http listing p99, uncached", value: p99("uncached"), unit: "ms" },
      { name: "http cached vs uncached listing", value: rate("cached") / rate("uncached"), unit: "x", goal: { op: ">=", value: GOALS.cachedVsUncached } },
      { name: "http uncached listing vs no-database page", value: rate("uncached") / rate("no-db"), unit: "x", goal: { op: ">=", value: GOALS.uncachedVsNoDb } },
      { name: "http cached listing vs no-database page", value: rate("cached") / rate("no-db"), unit: "x" },
      { name: "http errors", value: errors, unit: "requests", goal: { op: "<=", value: 0 }, note: setup },
    ];
  } finally {
    if (server) await server.stop();
    await database.drop();
  }
}
