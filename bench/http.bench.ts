/**
 * `npm run bench -- http [--seconds 15] [--connections 8] [--rounds 3] [--keep]`: requests per
 * second and p50/p99 of the built site (`next start` on 127.0.0.1) with 100,000 generated postings
 * in a fresh PostgreSQL database, driven by a bounded load generator in a second process:
 * the anonymous listing (served from the 60-second page cache), the same listing uncached (as a
 * signed-in visitor gets it: any session cookie), the same listing rendered on every request with
 * no database work (a second server without the page cache: its anonymous renders take their data
 * from the listing's data cache; the database's transaction counter shows it idle), and /sign-in,
 * a small dynamic page. Scenarios alternate over the rounds; figures are medians over rounds.
 */
import pg from "pg";
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
const SIGN_IN_PATHS = ["/sign-in"];
/** PostgreSQL 15 backends report their statistics within 10 s of going idle. */
const STATS_FLUSH_MS = 11_000;

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

/** Every listing URL answers 200 with postings in all three ways (uncached, cached, without the database), and all three list the same postings. */
async function checkPages(origin: string, noDbOrigin: string, cookie: string): Promise<void> {
  const postingLinks = (html: string) => [...html.matchAll(/href="(\/jobs\/\d+\/[^"]*)"/g)].map((m) => m[1]).join(" ");
  for (const pathname of LISTING_PATHS) {
    const responses = await Promise.all([fetch(origin + pathname, { headers: { cookie } }), fetch(origin + pathname), fetch(noDbOrigin + pathname)]);
    if (responses.some((r) => r.status !== 200)) throw new Error(`${pathname}: HTTP ${responses.map((r) => r.status).join(", ")} (uncached, cached, no database)`);
    const [fresh, cached, noDb] = await Promise.all(responses.map((r) => r.text()));
    const count = (fresh!.match(/data-testid="posting"/g) ?? []).length;
    if (count === 0) throw new Error(`${pathname}: no postings on the page`);
    if (postingLinks(fresh!) !== postingLinks(cached!)) throw new Error(`${pathname}: the cached page lists other postings than the uncached one`);
    if (postingLinks(fresh!) !== postingLinks(noDb!)) throw new Error(`${pathname}: the page rendered without the database lists other postings than the uncached one`);
    log(`check ${pathname}: ${count} postings, cached, uncached and no-database renders agree`);
  }
}

/** Transactions committed in the bench database so far (backends report them up to 10 s late). */
async function committedTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

export async function run(args: string[]): Promise<Figure[]> {
  const options = parseOptions(args);
  const base = benchPostgresUrl("http");
  if (!base) process.exit(2);
  const database = await openBenchDatabase(base, { size: SIZE, keep: options.keep, log });
  let server: NextServer | undefined;
  let noDbServer: NextServer | undefined;
  try {
    await database.db.$disconnect();
    if (database.generated) log(`generated ${SIZE.toLocaleString("en-US")} postings in ${(database.generated.totalMs / 1000).toFixed(0)} s`);
    const built = await buildIfStale();
    if (built !== 0) throw new Error(`next build failed (exit code ${built})`);

    server = await startNextServer({ DATABASE_URL: database.url });
    // The same build and database without the page cache: an anonymous listing is rendered every time.
    noDbServer = await startNextServer({ DATABASE_URL: database.url, PAGE_CACHE_ORIGIN: "" });
    const origin = server.origin;
    const cookie = `${cookiePolicy(origin).names.session_token}=bench-not-a-real-session`;
    await checkPages(origin, noDbServer.origin, cookie);

    // /sign-in comes before the no-database listing so the statistics of the uncached run are flushed
    // (an idle backend reports within 10 s) before its transaction count starts.
    const scenarios = {
      cached: { origin, paths: LISTING_PATHS, headers: {} },
      uncached: { origin, paths: LISTING_PATHS, headers: { cookie } },
      "sign-in": { origin, paths: SIGN_IN_PATHS, headers: {} },
      "no-db listing": { origin: noDbServer.origin, paths: LISTING_PATHS, headers: {} },
    } as const;
    type Scenario = keyof typeof scenarios;
    const results: Record<Scenario, LoadResult[]> = { cached: [], uncached: [], "sign-in": [], "no-db listing": [] };
    let noDbTransactions = 0;
    for (let round = 1; round <= options.rounds; round++) {
      for (const name of Object.keys(scenarios) as Scenario[]) {
        const before = name === "no-db listing" ? await committedTransactions(database.url) : 0;
        const result = await runLoad({
          origin: scenarios[name].origin,
          paths: [...scenarios[name].paths],
          headers: scenarios[name].headers,
          connections: options.connections,
          seconds: options.seconds,
          maxRequests: options.maxRequests,
          warmup: 3,
          timeoutMs: 30_000,
        });
        results[name].push(result);
        let transactions = "";
        if (name === "no-db listing") {
          await new Promise((resolve) => setTimeout(resolve, STATS_FLUSH_MS));
          // Less one: the probe before it.
          const committed = (await committedTransactions(database.url)) - before - 1;
          noDbTransactions += committed;
          transactions = `, ${committed} database transactions`;
        }
        log(
          `round ${round} ${name}: ${result.requests} requests in ${result.seconds.toFixed(1)} s, ${result.requestsPerSecond.toFixed(1)} req/s, ` +
            `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(0)} ms, errors ${result.errors}${transactions}` +
            (result.errors ? ` ${JSON.stringify(result.errorKinds)}` : ""),
        );
      }
    }

    const rate = (name: Scenario) => median(results[name].map((r) => r.requestsPerSecond));
    const p50 = (name: Scenario) => median(results[name].map((r) => r.p50));
    const p99 = (name: Scenario) => median(results[name].map((r) => r.p99));
    const total = (name: Scenario) => results[name].reduce((sum, r) => sum + r.requests, 0);
    const kilobytes = (name: Scenario) => results[name].reduce((sum, r) => sum + r.bytes, 0) / total(name) / 1024;
    const errors = Object.values(results).flat().reduce((sum, r) => sum + r.errors, 0);
    const setup = `${options.connections} connections, ${options.seconds} s x ${options.rounds} rounds, ${SIZE.toLocaleString("en-US")} postings`;
    const describe = (name: Scenario) => `p50 ${p50(name).toFixed(1)} ms, p99 ${p99(name).toFixed(1)} ms, ${total(name)} requests, ${kilobytes(name).toFixed(0)} KB each`;
    return [
      { name: "http listing, anonymous (cached)", value: rate("cached"), unit: "req/s", note: `${describe("cached")}; ${LISTING_PATHS.length} listing URLs` },
      { name: "http listing, uncached", value: rate("uncached"), unit: "req/s", note: `${describe("uncached")}; same URLs with a session cookie` },
      {
        name: "http listing rendered without the database",
        value: rate("no-db listing"),
        unit: "req/s",
        note: `${describe("no-db listing")}; same URLs, anonymous, on a second server without the page cache (data from the listing's data cache)`,
      },
      { name: "http /sign-in (small dynamic page, no database)", value: rate("sign-in"), unit: "req/s", note: describe("sign-in") },
      { name: "http listing p99, anonymous (cached)", value: p99("cached"), unit: "ms" },
      { name: "http listing p99, uncached", value: p99("uncached"), unit: "ms" },
      { name: "http cached vs uncached listing", value: rate("cached") / rate("uncached"), unit: "x", goal: { op: ">=", value: GOALS.cachedVsUncached } },
      {
        name: "http uncached listing vs the same page without the database",
        value: rate("uncached") / rate("no-db listing"),
        unit: "x",
        goal: { op: ">=", value: GOALS.uncachedVsNoDb },
        note: "what the database costs the page: the same render, with and without its queries",
      },
      {
        name: "http listing rendered without the database, database use",
        value: noDbTransactions / total("no-db listing"),
        unit: "transactions/request",
        goal: { op: "<=", value: 0.05 },
        note: `${noDbTransactions} over ${total("no-db listing")} requests (the data cache refreshes each entry once a minute)`,
      },
      {
        name: "http uncached listing vs /sign-in",
        value: rate("uncached") / rate("sign-in"),
        unit: "x",
        note: `a page a tenth the size (${kilobytes("sign-in").toFixed(0)} KB against ${kilobytes("uncached").toFixed(0)} KB): rendering, not the database, makes most of this gap`,
      },
      { name: "http cached listing vs /sign-in", value: rate("cached") / rate("sign-in"), unit: "x" },
      { name: "http errors", value: errors, unit: "requests", goal: { op: "<=", value: 0 }, note: setup },
    ];
  } finally {
    if (server) await server.stop();
    if (noDbServer) await noDbServer.stop();
    await database.drop();
  }
}
