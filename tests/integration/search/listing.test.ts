import { beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { countFacets, listPostings } from "@/lib/search/listing";
import { parseListingParams } from "@/lib/search/listing-params";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function posting(id: number, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return makePosting({ externalId: String(id), dedupKey: `key-${id}`, contentHash: `h-${id}`, postedAt: daysAgo(id % 40), ...overrides });
}

describe("listing queries", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "search-test" } });
    const lever = await database.db.source.create({ data: { kind: "lever", token: "search-test" } });
    const many: NormalizedPosting[] = [];
    for (let i = 1; i <= 60; i++) {
      many.push(
        posting(i, {
          title: i % 3 === 0 ? "Staff Inference Engineer" : "Senior Machine Learning Engineer",
          descriptionText: i % 3 === 0 ? "Serve LLMs with vLLM and TensorRT at low latency." : "Train ranking models with PyTorch.",
          roleFit: { family: i % 3 === 0 ? "inference_serving" : "ml_engineering", level: i % 3 === 0 ? "staff" : "senior", fit: true, score: 0.9, reasons: ["title"] },
          skills: i % 3 === 0 ? ["vllm", "tensorrt", "kubernetes"] : ["pytorch", "python"],
          remote: i % 2 === 0 ? "remote" : "onsite",
          remoteRegions: i % 2 === 0 ? ["US"] : [],
          countries: i % 2 === 0 ? ["US"] : ["DE"],
          cities: i % 2 === 0 ? [] : ["Berlin"],
          salary: i % 4 === 0 ? null : { min: 150000 + i * 1000, max: 200000 + i * 1000, currency: "USD", interval: "year", annualUsdMin: 150000 + i * 1000, annualUsdMax: 200000 + i * 1000 },
          companyName: i % 5 === 0 ? "Kiln AI" : "Tensorlane",
          companySlug: i % 5 === 0 ? "kiln-ai" : "tensorlane",
          // Every sixth sponsors a visa (all staff, all remote), the one after says it does not.
          sponsorsVisa: i % 6 === 0 ? true : i % 6 === 1 ? false : null,
        }),
      );
    }
    many.push(posting(101, { title: "Data Scientist", roleFit: { family: "data_science", level: "senior", fit: false, score: 0.4, reasons: ["adjacent"] } }));
    many.push(posting(102, { title: "ML Recruiter", roleFit: { family: "other", level: "unknown", fit: false, score: 0.05, reasons: ["other"] } }));
    await ingestPostings(database.db, source.id, many, { now: NOW });
    await ingestPostings(database.db, lever.id, [posting(7, { externalId: "lever-7" })], { now: NOW });
  });

  const list = (query: string, cursor: ReturnType<typeof parseListingParams>["cursor"] = null) =>
    listPostings(database.db, parseListingParams(new URLSearchParams(query)).filter, cursor, { now: NOW, pageSize: 10 });

  it("shows only roles that fit by default, adjacent ones on request, never 'other'", async () => {
    const facets = await countFacets(database.db, {}, { now: NOW });
    expect(facets.total).toBe(60);
    expect((await countFacets(database.db, { adjacent: true }, { now: NOW })).total).toBe(61);
    expect((await countFacets(database.db, { family: ["data_science"] }, { now: NOW })).total).toBe(1);
  });

  it("applies every filter", async () => {
    const total = async (query: string) => (await countFacets(database.db, parseListingParams(new URLSearchParams(query)).filter, { now: NOW })).total;
    expect(await total("level=staff")).toBe(20);
    expect(await total("remote=remote")).toBe(30);
    expect(await total("location=DE")).toBe(30);
    expect(await total("location=berlin")).toBe(30);
    expect(await total("skills=vllm&skills=kubernetes")).toBe(20);
    expect(await total("company=kiln-ai")).toBe(12);
    expect(await total("q=vllm")).toBe(20);
    expect(await total("salaryMin=200000")).toBe(45);
    expect(await total("salaryMin=250000")).toBe(8);
    expect(await total("salaryMin=250000&withoutSalary=1")).toBe(23);
    expect(await total("posted=7d")).toBeGreaterThan(0);
    expect(await total("posted=7d")).toBeLessThan(60);
    expect(await total("source=lever")).toBe(1);
    expect(await total("eligible=US")).toBe(30);
    expect(await total("eligible=DE")).toBe(30);
    expect(await total("level=staff&remote=remote&skills=vllm")).toBe(10);
    expect(await total("visa=1")).toBe(10);
    expect(await total("visa=1&remote=onsite")).toBe(0);
  });

  it("counts the postings that sponsor visas in the current results", async () => {
    const visa = async (query: string) => (await countFacets(database.db, parseListingParams(new URLSearchParams(query)).filter, { now: NOW })).visa;
    expect(await visa("")).toBe(10);
    expect(await visa("level=staff")).toBe(10);
    expect(await visa("level=senior")).toBe(0);
    expect(await visa("q=vllm&company=kiln-ai")).toBe(2);
    const page = await list("visa=1");
    expect(page.items.map((item) => item.sponsorsVisa)).toEqual(Array(10).fill(true));
  });

  it("paginates by keyset through every row exactly once, for each sort, with ties on the sort key", async () => {
    // Words change which rows match and how the planner finds them, never the order or the pages.
    for (const query of ["sort=newest", "sort=salary", "q=engineer&sort=relevance", "q=engineer&sort=newest", "q=engineer&sort=salary"]) {
      const seen: number[] = [];
      let cursor: ReturnType<typeof parseListingParams>["cursor"] = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await list(query, cursor);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size, query).toBe(seen.length);
      expect(seen.length, query).toBe(60);
    }
  });

  it("orders newest first and salary highest first, with or without words", async () => {
    for (const words of ["", "q=engineer&"]) {
      const newest = await list(`${words}sort=newest`);
      const times = newest.items.map((i) => i.sortAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const salary = await list(`${words}sort=salary`);
      const pay = salary.items.map((i) => i.salaryMaxUsd ?? -1);
      expect(pay).toEqual([...pay].sort((a, b) => b - a));
      expect(pay[0]).toBe(259000);
    }
    // The page with words is the page without them where every posting matches.
    expect((await list("q=engineer&sort=newest")).items.map((i) => i.id)).toEqual((await list("sort=newest")).items.map((i) => i.id));
  });

  it("ranks the matches among the newest postings when they fill a page, and all matches otherwise", async () => {
    const window = 12;
    const all = async (query: string) => {
      const ids: number[] = [];
      const sortAts: number[] = [];
      let cursor: ReturnType<typeof parseListingParams>["cursor"] = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await listPostings(database.db, parseListingParams(new URLSearchParams(query)).filter, cursor, { now: NOW, pageSize: 10, relevanceWindow: window });
        ids.push(...page.items.map((i) => i.id));
        sortAts.push(...page.items.map((i) => i.sortAt.getTime()));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return { ids, sortAts };
    };
    const newest = await listPostings(database.db, {}, null, { now: NOW, pageSize: window });
    const cutoff = newest.items[window - 1]!.sortAt.getTime();

    // Every posting says "engineer": the window holds more than a page, so only its postings are ranked.
    const broad = await all("q=engineer&sort=relevance");
    expect(broad.ids.length).toBeGreaterThanOrEqual(window);
    expect(broad.ids.length).toBeLessThan(60);
    expect(Math.min(...broad.sortAts)).toBeGreaterThanOrEqual(cutoff);
    expect(new Set(broad.ids).size).toBe(broad.ids.length);

    // "vllm" is in a third of them: fewer than a page in the window, so every match is ranked.
    const vllmInWindow = newest.items.filter((i) => i.skills.includes("vllm")).length;
    expect(vllmInWindow).toBeLessThanOrEqual(10);
    const sparse = await all("q=vllm&sort=relevance");
    expect(sparse.ids.length).toBe(20);
    expect(Math.min(...sparse.sortAts)).toBeLessThan(cutoff);
  });

  it("says where each search word was found, for every sort", async () => {
    for (const sort of ["relevance", "newest", "salary"]) {
      // Inference postings: "Staff Inference Engineer", skills vllm/tensorrt/kubernetes, "... at low latency."
      const page = await list(`q=Inference kubernetes latency -java or&sort=${sort}`);
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) {
        expect(item.termMatches).toEqual([
          { term: "Inference", in: "title" },
          { term: "kubernetes", in: "skills" },
          { term: "latency", in: "description" },
        ]);
      }
    }
    // One side of an "or" that a posting lacks is not placed; a stop word is not a term; no words, no column.
    const either = await list("q=tensorrt or pytorch the&sort=newest");
    expect(new Set(either.items.flatMap((item) => item.termMatches!.map((m) => `${m.term}:${m.in}`)))).toEqual(
      new Set(["tensorrt:skills", "tensorrt:null", "pytorch:skills", "pytorch:null"]),
    );
    // The company's name and a quoted phrase.
    const kiln = await list('q=kiln "low latency"&sort=newest');
    expect(kiln.items.length).toBeGreaterThan(0);
    for (const item of kiln.items) {
      expect(item.termMatches).toEqual([
        { term: "kiln", in: "company" },
        { term: "low latency", in: "description" },
      ]);
    }
    expect((await list("level=staff")).items[0]!.termMatches).toBeUndefined();
  });

  it("counts facets for the current result set", async () => {
    const facets = await countFacets(database.db, { remote: ["remote"] }, { now: NOW });
    expect(facets.remote).toEqual([{ value: "remote", count: 30 }]);
    expect(facets.level.find((l) => l.value === "staff")?.count).toBe(10);
    expect(facets.company.find((c) => c.value === "kiln-ai")).toMatchObject({ label: "Kiln AI", count: 6 });
    expect(facets.source.find((s) => s.value === "greenhouse")?.count).toBe(30);
  });

  it("reads the facet sample of a filter without words from one index, never the table", async () => {
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
    const statements: { query: string; params: unknown[] }[] = [];
    logged.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
    // Every filter but words and a city name; the index (migration 20261128100000) covers them all.
    const every = "level=senior&remote=remote&family=ml_engineering&skills=pytorch&salaryMin=100000&withoutSalary=1&company=kiln-ai&posted=30d&location=US&eligible=DE&source=greenhouse&visa=1";
    await countFacets(logged, parseListingParams(new URLSearchParams(every)).filter, { now: NOW });
    await logged.$disconnect();
    const facetQuery = statements.find((s) => /WITH m AS MATERIALIZED/.test(s.query));
    expect(facetQuery).toBeDefined();

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // With 60 rows the planner reads the table or any index: leave it only this index (undone by the
      // rollback) and no table scans, so the plan says whether the index alone can answer.
      await client.query("BEGIN");
      const others = await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'posting' AND indexname <> 'posting_open_fit_facets_idx'
           AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      );
      for (const { name } of others.rows) await client.query(`DROP INDEX "${name}"`);
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_bitmapscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${facetQuery!.query}`, facetQuery!.params);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Index Only Scan using posting_open_fit_facets_idx on posting p/);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("counts, when nothing matches, what taking off each filter would find", async () => {
    const facets = (query: string) => countFacets(database.db, parseListingParams(new URLSearchParams(query)).filter, { now: NOW });
    // vLLM postings are all staff: none is senior.
    const empty = await facets("q=vllm&remote=remote&level=senior");
    expect(empty.total).toBe(0);
    expect(empty.loosen).toEqual([
      { field: "q", count: (await facets("remote=remote&level=senior")).total, capped: false },
      { field: "remote", count: 0, capped: false },
      { field: "level", count: (await facets("q=vllm&remote=remote")).total, capped: false },
    ]);
    expect(empty.loosen[0]!.count).toBeGreaterThan(0);
    expect(empty.loosen[2]!.count).toBeGreaterThan(0);
    // The minimum salary goes with "include postings without salary".
    expect((await facets("q=vllm&level=senior&salaryMin=100000&withoutSalary=1")).loosen).toEqual([
      { field: "q", count: (await facets("level=senior&salaryMin=100000&withoutSalary=1")).total, capped: false },
      { field: "level", count: (await facets("q=vllm&salaryMin=100000&withoutSalary=1")).total, capped: false },
      { field: "salaryMin", count: 0, capped: false },
    ]);
    expect((await facets("q=vllm&remote=remote")).loosen).toEqual([]);
  });

  it("answers a listing request in at most 3 SQL round trips", async () => {
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counted.$on("query", () => {
      queries += 1;
    });
    const { filter, cursor } = parseListingParams(new URLSearchParams("q=engineer&level=senior&skills=pytorch&salaryMin=100000&withoutSalary=1&remote=onsite"));
    await counted.$connect();
    queries = 0;
    await Promise.all([listPostings(counted, filter, cursor, { now: NOW }), countFacets(counted, filter, { now: NOW })]);
    expect(queries).toBeGreaterThan(0);
    expect(queries).toBeLessThanOrEqual(3);

    // Nothing matches: the empty state's counts take one more, and relevance's window start is reused.
    const empty = parseListingParams(new URLSearchParams("q=vllm&remote=remote&level=senior")).filter;
    queries = 0;
    const [page, facets] = await Promise.all([listPostings(counted, empty, null, { now: NOW }), countFacets(counted, empty, { now: NOW })]);
    expect(page.items).toEqual([]);
    expect(facets.loosen.length).toBe(3);
    expect(queries).toBe(3);
    await counted.$disconnect();
  });
});
