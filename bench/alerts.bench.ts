/**
 * `npm run bench -- alerts`: matching 1,000 new postings against 10,000 saved searches
 * (matchNewPostings: each distinct filter once, many per statement) against the naive baseline
 * (one INSERT … SELECT per saved search) in the same run, plus alert emails per second to a
 * local SMTP server over the pooled transport.
 */
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestRawPostings } from "@/lib/ingest/ingest-raw";
import { filtersHash } from "@/lib/saved-searches/canonical";
import { filterWhere } from "@/lib/search/query-builder";
import { postingFilterSchema, type PostingFilter } from "@/lib/search/schemas";
import { createTestDatabase } from "@/tests/helpers/database-factory";
import { databaseCpu, databaseCpuSince, ownCpuMs } from "./lib/database-cpu";
import type { Figure } from "./lib/report";
import { median } from "./lib/stats";
import { seededRandom, syntheticRawPostings } from "./lib/synthetic";

const SEARCHES = 10_000;
const NEW_POSTINGS = 1_000;
/** Saved searches are drawn from this many filters by popularity (Zipf): many people save the same few searches. */
const FILTER_POOL = 4_000;
const RUNS = 3;
/** The baseline is slow: it runs on every NAIVE_SAMPLE-th saved search and is scaled up (it is linear in searches). */
const NAIVE_SAMPLE = 5;
const EMAILS = 300;

const LEVELS = ["senior", "staff", "principal", "lead"] as const;
const SKILLS = ["pytorch", "jax", "cuda", "vllm", "tensorrt", "python", "rust", "go", "kubernetes", "spark", "ray", "tensorflow"];
const WORDS = ["inference", "llm", "ranking", "recommendation", "computer vision", "platform", "serving", "training", "search", "ads"];
const COUNTRIES = ["US", "GB", "DE", "FR", "CA", "IN", "NL", "CH"];
const CITIES = ["Berlin", "London", "Seattle", "Toronto", "Paris"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function someOf<T>(random: () => number, items: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: count }, () => pick(random, items)))];
}

/**
 * A plausible saved alert on a site for senior ML roles: the level nearly always, and at least two
 * of words, skills, place, work mode and pay (a search broad enough to list is often too broad to
 * be emailed about; broad ones still come up, see FILTER_POOL).
 */
function randomFilter(random: () => number): PostingFilter {
  const filter: PostingFilter = {};
  if (random() < 0.9) filter.level = someOf(random, LEVELS, 2);
  if (random() < 0.1) filter.adjacent = true;
  const extras = [
    () => (filter.remote = random() < 0.8 ? ["remote"] : ["remote", "hybrid"]),
    () => {
      if (random() < 0.7) filter.location = random() < 0.7 ? pick(random, COUNTRIES) : pick(random, CITIES);
      else filter.eligible = pick(random, COUNTRIES);
    },
    () => (filter.skills = someOf(random, SKILLS, 2)),
    () => (filter.q = pick(random, WORDS)),
    () => {
      filter.salaryMin = 150_000 + 25_000 * Math.floor(random() * 7);
      if (random() < 0.3) filter.withoutSalary = true;
    },
  ];
  const wanted = 2 + Math.floor(random() * 2);
  for (let added = 0; added < wanted; added++) extras.splice(Math.floor(random() * extras.length), 1)[0]!();
  return postingFilterSchema.parse(filter);
}

function zipfIndex(random: () => number, size: number): number {
  // Inverse-CDF approximation of Zipf(s = 1): rank ~ size^u.
  return Math.min(size - 1, Math.floor(size ** random()) - 1);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall-clock and CPU milliseconds (this process plus the database server's processes when they are on this machine). */
async function timedWithCpu(db: Db, engine: string, fn: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const database = engine === "postgres" ? await databaseCpu(db) : null;
  const own = ownCpuMs();
  const wallMs = await timed(fn);
  const ownMs = ownCpuMs() - own;
  return { wallMs, cpuMs: ownMs + ((await databaseCpuSince(db, database)) ?? 0) };
}

/** The baseline: every saved search queried on its own, one round trip each. */
async function naiveMatch(db: Db, searches: { id: string; filter: PostingFilter }[], ids: number[], now: Date): Promise<void> {
  for (const search of searches) {
    await db.$executeRaw`
      INSERT INTO alert_match (saved_search_id, posting_id, matched_at)
      SELECT ${search.id}, p.id, ${now} FROM posting p WHERE p.id = ANY(${ids}::int[]) AND ${filterWhere(search.filter, now)}
      ON CONFLICT DO NOTHING`;
  }
}

/** Count and digest of the matches of these searches, to check both paths found the same pairs. */
async function matchSet(db: Db, searchIds: string[]): Promise<{ count: number; digest: string }> {
  const [row] = await db.$queryRaw<{ count: number; digest: string }[]>`
    SELECT count(*)::int AS count,
      md5(coalesce(string_agg(saved_search_id || ':' || posting_id, ',' ORDER BY saved_search_id, posting_id), '')) AS digest
    FROM alert_match WHERE saved_search_id = ANY(${searchIds}::text[])`;
  return row!;
}

async function seedSearches(db: Db, filters: PostingFilter[], random: () => number): Promise<{ id: string; filter: PostingFilter }[]> {
  const users = Array.from({ length: SEARCHES / 2 }, (_, i) => ({ id: randomUUID(), email: `bench${i}@example.test`, emailVerified: true }));
  await db.user.createMany({ data: users });
  const searches = Array.from({ length: SEARCHES }, (_, i) => {
    const filter = filters[zipfIndex(random, filters.length)]!;
    return { id: randomUUID(), userId: users[i % users.length]!.id, filter };
  });
  for (let start = 0; start < searches.length; start += 2_000) {
    await db.savedSearch.createMany({
      data: searches.slice(start, start + 2_000).map((s) => ({
        id: s.id,
        userId: s.userId,
        name: "bench",
        filters: s.filter as Prisma.InputJsonValue,
        filtersHash: filtersHash(s.filter),
        frequency: "instant" as const,
      })),
    });
  }
  return searches;
}

/** Alert emails per second: EMAILS searches with matches, scheduled, then delivered to a local SMTP server. */
export async function emailsPerSecond(
  db: Db,
  engine: string,
  ids: number[],
  now: Date,
): Promise<{ perSecond: number; cpuMsPerEmail: number; databaseCpuMsPerEmail: number | null }> {
  // The worker runs React's production build; the development build renders several times slower.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { deliverDue } = await import("@/lib/alerts/deliver");
  const { scheduleDeliveries } = await import("@/lib/alerts/schedule");
  const { createSmtpTransport } = await import("@/lib/alerts/transport");
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const transport = createSmtpTransport(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, "bench <bench@example.test>");
  try {
    const { matchNewPostings } = await import("@/lib/alerts/match");
    await db.$executeRaw`TRUNCATE alert_match`;
    await matchNewPostings(db, ids, now);
    await db.$executeRaw`
      DELETE FROM alert_match WHERE saved_search_id NOT IN (SELECT DISTINCT saved_search_id FROM alert_match ORDER BY 1 LIMIT ${EMAILS})`;
    if ((await scheduleDeliveries(db, now)).deliveries !== EMAILS) throw new Error(`expected ${EMAILS} deliveries`);
    const options = { siteUrl: "https://mlradar.example", secret: "b".repeat(40) };
    const databaseBefore = engine === "postgres" ? await databaseCpu(db) : null;
    const cpu = process.cpuUsage();
    const ms = await timed(() => deliverDue(db, transport, now, options));
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const databaseMs = await databaseCpuSince(db, databaseBefore);
    if (received !== EMAILS) throw new Error(`expected ${EMAILS} emails, the server received ${received}`);
    return { perSecond: (EMAILS / ms) * 1000, cpuMsPerEmail: cpuMs / EMAILS, databaseCpuMsPerEmail: databaseMs === null ? null : databaseMs / EMAILS };
  } finally {
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The bench's data: SEARCHES saved searches and NEW_POSTINGS new postings among older ones (also used when profiling). */
export async function seedAlertsBench(db: Db): Promise<{ searches: { id: string; filter: PostingFilter }[]; distinct: number; ids: number[] }> {
  const random = seededRandom(7);
  const pool = Array.from({ length: FILTER_POOL }, () => randomFilter(random));
  const searches = await seedSearches(db, pool, random);
  const distinct = new Set(searches.map((s) => filtersHash(s.filter))).size;
  console.error(`set-up: ${SEARCHES} saved searches, ${distinct} distinct filters`);
  const source = await db.source.create({ data: { kind: "greenhouse", token: "bench-alerts" } });
  await ingestRawPostings(db, source.id, syntheticRawPostings(3_000, { seed: 11, idPrefix: "Old" }));
  const counts = await ingestRawPostings(db, source.id, syntheticRawPostings(NEW_POSTINGS, { seed: 12, idPrefix: "New" }));
  const ids = counts.newPostingIds;
  if (ids.length !== NEW_POSTINGS) throw new Error(`expected ${NEW_POSTINGS} new postings, got ${ids.length}`);
  console.error(`set-up: ${NEW_POSTINGS} new postings among ${NEW_POSTINGS + 3_000}`);
  return { searches, distinct, ids };
}

export async function run(): Promise<Figure[]> {
  const database = await createTestDatabase();
  const { db } = database;
  const { matchNewPostings } = await import("@/lib/alerts/match");
  try {
    const { searches, distinct, ids } = await seedAlertsBench(db);
    const now = new Date();

    const sample = searches.filter((_, index) => index % NAIVE_SAMPLE === 0);
    const sampleIds = sample.map((search) => search.id);
    const fastMs: number[] = [];
    const fastCpuMs: number[] = [];
    const naiveMs: number[] = [];
    const naiveCpuMs: number[] = [];
    let matches = 0;
    for (let r = 0; r < RUNS; r++) {
      await db.$executeRaw`TRUNCATE alert_match`;
      const fastRun = await timedWithCpu(db, database.engine, () => matchNewPostings(db, ids, now));
      fastMs.push(fastRun.wallMs);
      fastCpuMs.push(fastRun.cpuMs);
      matches = (await matchSet(db, searches.map((search) => search.id))).count;
      const fast = await matchSet(db, sampleIds);
      await db.$executeRaw`TRUNCATE alert_match`;
      const naiveRun = await timedWithCpu(db, database.engine, () => naiveMatch(db, sample, ids, now));
      naiveMs.push(naiveRun.wallMs * NAIVE_SAMPLE);
      naiveCpuMs.push(naiveRun.cpuMs * NAIVE_SAMPLE);
      const naive = await matchSet(db, sampleIds);
      if (fast.digest !== naive.digest) throw new Error(`matchNewPostings and the baseline disagree: ${fast.count} vs ${naive.count} matches`);
      console.error(
        `run ${r + 1}/${RUNS}: matchNewPostings ${fastRun.wallMs.toFixed(0)} ms (CPU ${fastRun.cpuMs.toFixed(0)} ms), ` +
          `baseline ${naiveMs.at(-1)!.toFixed(0)} ms (CPU ${naiveCpuMs.at(-1)!.toFixed(0)} ms, scaled), ${matches} matches, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const emails = await emailsPerSecond(db, database.engine, ids, now);
    const load = `load average ${loadavg()[0]!.toFixed(1)} on this machine`;
    const note = `${database.engine}, ${SEARCHES.toLocaleString()} searches (${distinct.toLocaleString()} distinct filters) × ${NEW_POSTINGS.toLocaleString()} new postings, ${matches.toLocaleString()} matches stored, median of ${RUNS}; ${load}`;
    return [
      { name: "alerts match all", value: median(fastMs) / 1000, unit: "s", goal: { op: "<=", value: 5 }, note },
      { name: "alerts naive baseline", value: median(naiveMs) / 1000, unit: "s", note: `one INSERT … SELECT per saved search, timed on every ${NAIVE_SAMPLE}th and scaled` },
      { name: "alerts match vs naive", value: median(naiveMs) / median(fastMs), unit: "x", goal: { op: ">=", value: 10 } },
      {
        name: "alerts match CPU",
        value: median(fastCpuMs) / 1000,
        unit: "s",
        note: `${database.engine === "postgres" ? "this process plus the PostgreSQL backends" : "this process, PGlite included"}; what matching costs apart from waiting for a core`,
      },
      { name: "alerts match vs naive, CPU", value: median(naiveCpuMs) / median(fastCpuMs), unit: "x" },
      { name: "alerts matches stored", value: (matches / median(fastMs)) * 1000, unit: "matches/s", note: "storing one AlertMatch per (search, posting) is most of matchNewPostings' time" },
      { name: "alert emails sent", value: emails.perSecond, unit: "messages/s", goal: { op: ">=", value: 20 }, note: `${EMAILS} emails, pooled SMTP to 127.0.0.1; ${load}` },
      {
        name: "alert email CPU",
        value: emails.cpuMsPerEmail,
        unit: "ms/message",
        note:
          database.engine === "postgres" && emails.databaseCpuMsPerEmail !== null
            ? `this process: claim, render, MIME, SMTP client and the local SMTP server; plus ${emails.databaseCpuMsPerEmail.toFixed(2)} ms in PostgreSQL`
            : "this process: claim, render, MIME, SMTP client and the local SMTP server (and the embedded database)",
      },
    ];
  } finally {
    await database.drop();
  }
}
