/**
 * PostgreSQL's English stemmer keeps some plurals apart from their singular ('gpus', 'gpu'): a search
 * for either number finds postings that say the other.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { countFacets, listPostings } from "@/lib/search/listing";
import { parseListingParams } from "@/lib/search/listing-params";
import { pluralPartner } from "@/lib/search/plurals";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

describe("plural and singular search words", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "plurals-test" } });
    const posting = (id: string, title: string, text: string, daysAgo: number) =>
      makePosting({ externalId: id, title, descriptionText: text, descriptionHtml: `<p>${text}</p>`, skills: [], postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000) });
    await ingestPostings(
      database.db,
      source.id,
      [
        posting("one", "Senior ML Engineer, Training", "Schedule jobs on a GPU cluster and fine-tune an LLM.", 1),
        posting("many", "Staff ML Engineer, Inference", "Serve LLMs on thousands of GPUs, H100s among them.", 2),
        posting("neither", "Senior ML Engineer, Ranking", "Ranking models for search.", 3),
      ],
      { now: NOW },
    );
  });

  const titles = async (query: string) => {
    const page = await listPostings(database.db, parseListingParams(new URLSearchParams(query)).filter, null, { now: NOW });
    return page.items.map((item) => item.title + (item.termMatches ? ` [${item.termMatches.map((m) => `${m.term}:${m.in}`).join(", ")}]` : "")).sort();
  };
  const total = async (query: string) => (await countFacets(database.db, parseListingParams(new URLSearchParams(query)).filter, { now: NOW })).total;

  it("knows which words the stemmer keeps apart from their other number, and only those", async () => {
    const words = ["gpus", "gpu", "llms", "cnns", "tpu", "menu", "status", "h100s", "a100", "models", "model", "apis", "api", "dags", "aws", "pipelines", "flys"];
    for (const word of words) {
      const other = pluralPartner(word) ?? (word.endsWith("s") ? word.slice(0, -1) : `${word}s`);
      const [row] = await database.db.$queryRaw<{ same: boolean }[]>`SELECT to_tsvector('english', ${word}) = to_tsvector('english', ${other}) AS same`;
      expect(row!.same, `${word} / ${other}`).toBe(pluralPartner(word) === null);
    }
  });

  it("finds either number with the other, in the listing, its counts and the places", async () => {
    expect(await titles("q=GPUs")).toEqual(["Senior ML Engineer, Training [GPUs:description]", "Staff ML Engineer, Inference [GPUs:description]"]);
    expect(await titles("q=gpu")).toEqual(["Senior ML Engineer, Training [gpu:description]", "Staff ML Engineer, Inference [gpu:description]"]);
    expect(await total("q=h100")).toBe(1);
    expect(await total("q=gpus cluster")).toBe(1);
    expect(await total("q=engineer -gpus")).toBe(1);
    expect(await total('q="gpu cluster"')).toBe(1);
    expect(await total("q=models")).toBe(1);
  });

  it("keeps the synonyms' own widening: llm and llms find the same postings", async () => {
    expect(await total("q=llms")).toBe(2);
    expect(await total("q=llm")).toBe(2);
  });
});
