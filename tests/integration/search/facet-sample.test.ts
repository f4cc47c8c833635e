import { beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createClient, WORD_SAMPLE_OPTIONS } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { countFacets } from "@/lib/search/listing";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");
/** Company "Lab 01" has three postings, the sixteen others one each: the top 15 ends in a tie. */
const COMPANIES = Array.from({ length: 17 }, (_, i) => `Lab ${String(i + 1).padStart(2, "0")}`);

describe("the facet panel's company counts and word sample", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "facet-sample" } });
    const postings = COMPANIES.flatMap((companyName, i) =>
      Array.from({ length: i === 0 ? 3 : 1 }, (_, j) =>
        makePosting({
          externalId: `${i}-${j}`,
          companyName,
          title: `Senior Machine Learning Engineer ${j}`,
          descriptionText: i % 2 === 0 ? "Serve models with vLLM on Kubernetes." : "Train ranking models with PyTorch.",
        }),
      ),
    );
    await ingestPostings(database.db, source.id, postings, { now: NOW });
  });

  it("lists the 15 companies with most matches, ties by slug", async () => {
    const facets = await countFacets(database.db, {}, { now: NOW });
    expect(facets.company.map((c) => [c.label, c.count])).toEqual([
      ["Lab 01", 3],
      ...COMPANIES.slice(1, 15).map((name) => [name, 1]),
    ]);
  });

  it("counts the same through the word-sample connections", async () => {
    const sampleDb = createClient(database.url, WORD_SAMPLE_OPTIONS, 1);
    try {
      for (const q of ["vllm", "ranking", "engineer"]) {
        const plain = await countFacets(database.db, { q }, { now: NOW });
        expect(plain.total).toBeGreaterThan(0);
        expect(await countFacets(database.db, { q }, { now: NOW, wordSampleDb: sampleDb })).toEqual(plain);
      }
    } finally {
      await sampleDb.$disconnect();
    }
  });

  // PGlite serves every connection from one session and takes no startup options.
  it.skipIf(!process.env.DATABASE_URL)("takes a word's sample from the word index on those connections, where the planner would scan the table", async () => {
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
    const statements: { query: string; params: unknown[] }[] = [];
    logged.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
    await countFacets(logged, { q: "engineer" }, { now: NOW });
    await logged.$disconnect();
    const facetQuery = statements.find((s) => /WITH m AS MATERIALIZED/.test(s.query))!;

    const samplePlan = async (options?: string) => {
      const client = new pg.Client({ connectionString: database.url, options });
      await client.connect();
      try {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${facetQuery.query}`, facetQuery.params);
        const plan = rows.map((r) => r["QUERY PLAN"]);
        // The CTE's first scan node is the sample's.
        return plan.slice(plan.findIndex((line) => /CTE m/.test(line))).find((line) => /Scan/.test(line));
      } finally {
        await client.end();
      }
    };
    // Plainly planned, the rows are read in table or index order and each one's vector checked.
    expect(await samplePlan()).toMatch(/(Seq|Index) Scan .*on posting p/);
    expect(await samplePlan(WORD_SAMPLE_OPTIONS)).toMatch(/Bitmap Heap Scan on posting p/);
  });
});
