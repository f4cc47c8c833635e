import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { companiesBySource } from "@/lib/sources/queries";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");
const posting = (key: string, companyName: string) => makePosting({ externalId: key, title: `Senior ML Engineer ${key}`, companyName, dedupKey: key, contentHash: key });

describe("the companies behind a source's open postings", () => {
  const database = setupTestDatabase();
  const ids = { thread: 0, careers: 0, empty: 0 };

  beforeAll(async () => {
    const db = database.db;
    ids.thread = (await db.source.create({ data: { kind: "hackernews", token: "who-is-hiring-test" } })).id;
    ids.careers = (await db.source.create({ data: { kind: "jsonld", token: "https://careers.example/jobs" } })).id;
    ids.empty = (await db.source.create({ data: { kind: "jsonld", token: "https://empty.example/jobs" } })).id;
    await ingestPostings(db, ids.thread, [posting("h1", "Tensorlane"), posting("h2", "Tensorlane"), posting("h3", "Vectorhaus"), posting("h4", "Gone Inc")], { now: NOW });
    await ingestPostings(db, ids.careers, [posting("c1", "Saltmarsh Bio")], { now: NOW });
    await ingestPostings(db, ids.empty, [posting("e1", "Closed Co")], { now: NOW });
    // A closed sighting no longer counts: its company is not listed by the source any more.
    await db.sighting.updateMany({ where: { externalId: { in: ["h4", "e1"] } }, data: { closedAt: NOW } });
  });

  it("counts the companies of a source's open sightings, and names the company when there is one", async () => {
    const companies = await companiesBySource(database.db, [ids.thread, ids.careers, ids.empty]);
    expect(companies.get(ids.thread)).toEqual({ count: 2, only: null });
    expect(companies.get(ids.careers)).toEqual({ count: 1, only: { name: "Saltmarsh Bio", slug: "saltmarsh-bio" } });
    expect(companies.has(ids.empty)).toBe(false);
  });

  it("reads only the sources asked for", async () => {
    expect([...(await companiesBySource(database.db, [ids.careers])).keys()]).toEqual([ids.careers]);
    expect((await companiesBySource(database.db, [])).size).toBe(0);
  });
});
