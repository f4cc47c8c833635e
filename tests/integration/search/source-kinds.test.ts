import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { countFacets, listPostings } from "@/lib/search/listing";
import { parseListingParams } from "@/lib/search/listing-params";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

/** posting.source_kinds, which the source facet and filter read, follows its sightings whoever writes them. */
describe("a posting's boards (source_kinds)", () => {
  const database = setupTestDatabase();
  let greenhouse: number;
  let lever: number;
  let ashby: number;

  beforeAll(async () => {
    greenhouse = (await database.db.source.create({ data: { kind: "greenhouse", token: "kinds-a" } })).id;
    lever = (await database.db.source.create({ data: { kind: "lever", token: "kinds-b" } })).id;
    ashby = (await database.db.source.create({ data: { kind: "ashby", token: "kinds-c" } })).id;
  });

  const kindsOf = async (dedupKey: string) =>
    (await database.db.posting.findUniqueOrThrow({ where: { dedupKey }, select: { sourceKinds: true } })).sourceKinds;
  const titles = async (query: string) =>
    (await listPostings(database.db, parseListingParams(new URLSearchParams(query)).filter, null, { now: NOW })).items.map((i) => i.title).sort();
  const sourceCounts = async () =>
    Object.fromEntries((await countFacets(database.db, parseListingParams(new URLSearchParams("")).filter, { now: NOW })).source.map((s) => [s.value, s.count]));

  it("holds the board of a new posting, gains a second board's, and loses it when that board's sightings go", async () => {
    const shared = makePosting({ externalId: "gh-1", dedupKey: "kinds-shared", contentHash: "h1", title: "Staff ML Engineer, Kinds", postedAt: NOW });
    await ingestPostings(database.db, greenhouse, [shared, makePosting({ externalId: "gh-2", dedupKey: "kinds-gh-only", contentHash: "h2", title: "Senior ML Engineer, Kinds", postedAt: NOW })], { now: NOW });
    expect(await kindsOf("kinds-shared")).toEqual(["greenhouse"]);
    expect(await titles("source=lever")).toEqual([]);

    await ingestPostings(database.db, lever, [{ ...shared, externalId: "lv-1" }], { now: NOW });
    expect(await kindsOf("kinds-shared")).toEqual(["greenhouse", "lever"]);
    expect(await kindsOf("kinds-gh-only")).toEqual(["greenhouse"]);
    expect(await titles("source=lever")).toEqual(["Staff ML Engineer, Kinds"]);
    expect(await titles("source=greenhouse&source=lever")).toEqual(["Senior ML Engineer, Kinds", "Staff ML Engineer, Kinds"]);
    expect(await sourceCounts()).toEqual({ greenhouse: 2, lever: 1 });

    await database.db.source.delete({ where: { id: lever } });
    expect(await kindsOf("kinds-shared")).toEqual(["greenhouse"]);
    expect(await titles("source=lever")).toEqual([]);
    expect(await sourceCounts()).toEqual({ greenhouse: 2 });
  });

  it("follows a sighting moved to another posting and a board whose kind is corrected", async () => {
    await ingestPostings(database.db, ashby, [makePosting({ externalId: "ab-1", dedupKey: "kinds-ashby", contentHash: "h3", title: "Lead ML Engineer, Kinds", postedAt: NOW })], { now: NOW });
    const target = await database.db.posting.findUniqueOrThrow({ where: { dedupKey: "kinds-gh-only" }, select: { id: true } });
    await database.db.sighting.updateMany({ where: { sourceId: ashby }, data: { postingId: target.id } });
    expect(await kindsOf("kinds-ashby")).toEqual([]);
    expect(await kindsOf("kinds-gh-only")).toEqual(["greenhouse", "ashby"]);

    await database.db.source.update({ where: { id: ashby }, data: { kind: "workable" } });
    expect(await kindsOf("kinds-gh-only")).toEqual(["greenhouse", "workable"]);
  });
});
