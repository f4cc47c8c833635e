import { beforeEach, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

describe("ingestPostings", () => {
  const database = setupTestDatabase();
  let sourceA: number;
  let sourceB: number;

  beforeEach(async () => {
    const { db } = database;
    await db.alertMatch.deleteMany();
    await db.sighting.deleteMany();
    await db.posting.deleteMany();
    await db.scrapeRun.deleteMany();
    await db.source.deleteMany();
    await db.company.deleteMany();
    sourceA = (await db.source.create({ data: { kind: "greenhouse", token: "tensorlane" } })).id;
    sourceB = (await db.source.create({ data: { kind: "lever", token: "tensorlane" } })).id;
  });

  const three = () => [makePosting({ externalId: "1" }), makePosting({ externalId: "2" }), makePosting({ externalId: "3" })];

  it("creates new postings with their sightings and company, then skips unchanged ones by hash", async () => {
    const first = await ingestPostings(database.db, sourceA, three());
    expect(first).toMatchObject({ fetched: 3, new: 3, updated: 0, unchanged: 0, closed: 0 });
    expect(await database.db.posting.count()).toBe(3);
    expect(await database.db.sighting.count({ where: { sourceId: sourceA } })).toBe(3);
    expect(await database.db.company.count()).toBe(1);

    const before = await database.db.posting.findFirstOrThrow({ where: { dedupKey: three()[0]!.dedupKey } });
    const second = await ingestPostings(database.db, sourceA, three());
    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: 3, closed: 0 });
    const after = await database.db.posting.findFirstOrThrow({ where: { id: before.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("updates a posting whose content changed, keeping its id and first-seen date", async () => {
    await ingestPostings(database.db, sourceA, three(), { now: new Date("2026-11-01T00:00:00Z") });
    const changed = three();
    changed[1] = makePosting({ externalId: "2", contentHash: "hash-2-v2", descriptionText: "Now with vLLM." });
    const counts = await ingestPostings(database.db, sourceA, changed, { now: new Date("2026-11-02T00:00:00Z") });
    expect(counts).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    const posting = await database.db.posting.findUniqueOrThrow({ where: { dedupKey: changed[1]!.dedupKey } });
    expect(posting.descriptionText).toBe("Now with vLLM.");
    expect(posting.firstSeenAt.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("closes a posting only after it is missing from two successful runs, and reopens it with its first-seen date", async () => {
    await ingestPostings(database.db, sourceA, three(), { now: new Date("2026-11-01T00:00:00Z") });
    const withoutThird = three().slice(0, 2);
    const missOnce = await ingestPostings(database.db, sourceA, withoutThird, { previousFetchedCount: 3 });
    expect(missOnce.closed).toBe(0);
    const third = three()[2]!;
    expect((await database.db.posting.findUniqueOrThrow({ where: { dedupKey: third.dedupKey } })).closedAt).toBeNull();

    const missTwice = await ingestPostings(database.db, sourceA, withoutThird, { previousFetchedCount: 2 });
    expect(missTwice.closed).toBe(1);
    expect((await database.db.posting.findUniqueOrThrow({ where: { dedupKey: third.dedupKey } })).closedAt).not.toBeNull();

    const back = await ingestPostings(database.db, sourceA, three(), { previousFetchedCount: 2 });
    expect(back.updated).toBe(1);
    const reopened = await database.db.posting.findUniqueOrThrow({ where: { dedupKey: third.dedupKey } });
    expect(reopened.closedAt).toBeNull();
    expect(reopened.firstSeenAt.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("treats an empty run after a full one as suspicious and closes nothing", async () => {
    await ingestPostings(database.db, sourceA, three());
    for (let i = 0; i < 3; i++) {
      const counts = await ingestPostings(database.db, sourceA, [], { previousFetchedCount: 3 });
      expect(counts).toMatchObject({ suspicious: true, closed: 0 });
    }
    expect(await database.db.posting.count({ where: { closedAt: null } })).toBe(3);
  });

  it("makes the same job on two boards of one company one posting seen in two places", async () => {
    const job = makePosting({ externalId: "gh-1", dedupKey: "tensorlane|senior ml engineer|remote-us" });
    const sameJob = makePosting({ externalId: "lever-abc", dedupKey: "tensorlane|senior ml engineer|remote-us" });
    await ingestPostings(database.db, sourceA, [job]);
    const counts = await ingestPostings(database.db, sourceB, [sameJob]);
    expect(counts.new).toBe(0);
    expect(await database.db.posting.count()).toBe(1);
    const sightings = await database.db.sighting.findMany({ orderBy: { sourceId: "asc" } });
    expect(sightings.map((s) => [s.sourceId, s.externalId])).toEqual([
      [sourceA, "gh-1"],
      [sourceB, "lever-abc"],
    ]);
  });

  it("keeps a posting open while another board still lists it", async () => {
    const job = makePosting({ externalId: "gh-1", dedupKey: "shared" });
    await ingestPostings(database.db, sourceA, [job, makePosting({ externalId: "gh-2" })]);
    await ingestPostings(database.db, sourceB, [makePosting({ externalId: "lv-1", dedupKey: "shared" })]);
    const other = [makePosting({ externalId: "gh-2" })];
    await ingestPostings(database.db, sourceA, other, { previousFetchedCount: 2 });
    await ingestPostings(database.db, sourceA, other, { previousFetchedCount: 1 });
    const shared = await database.db.posting.findUniqueOrThrow({ where: { dedupKey: "shared" } });
    expect(shared.closedAt).toBeNull();
  });

  it("writes batches produced one after another as one run: dedup keys, sightings and companies carry over", async () => {
    async function* batches() {
      yield [makePosting({ externalId: "1", dedupKey: "k1", title: "First wins" }), makePosting({ externalId: "2", dedupKey: "k2" })];
      yield [
        makePosting({ externalId: "3", dedupKey: "k1", title: "Second loses" }),
        makePosting({ externalId: "4", dedupKey: "k4", companyName: "Otherco" }),
      ];
      yield [makePosting({ externalId: "5", dedupKey: "k2" })];
    }
    const counts = await ingestPostings(database.db, sourceA, batches());
    expect(counts).toMatchObject({ fetched: 5, new: 3, updated: 0, unchanged: 0, closed: 0 });
    expect(counts.newPostingIds).toHaveLength(3);
    expect((await database.db.posting.findUniqueOrThrow({ where: { dedupKey: "k1" } })).title).toBe("First wins");
    const sightings = await database.db.sighting.findMany({ orderBy: { externalId: "asc" }, include: { posting: true } });
    expect(sightings.map((s) => [s.externalId, s.posting.dedupKey])).toEqual([
      ["1", "k1"],
      ["2", "k2"],
      ["3", "k1"],
      ["4", "k4"],
      ["5", "k2"],
    ]);
    expect(await database.db.company.count()).toBe(2);
  });

  it("produces the first batch before opening the transaction, and later ones while writing", async () => {
    const events: string[] = [];
    const { db } = database;
    // Records when the run's transaction opens relative to the batches being produced.
    const watched = new Proxy(db, {
      get(target, property) {
        if (property !== "$transaction") return Reflect.get(target, property);
        return (...args: Parameters<typeof db.$transaction>) => {
          events.push("transaction");
          return target.$transaction(...args);
        };
      },
    });
    async function* batches() {
      events.push("batch 1");
      yield [makePosting({ externalId: "1", dedupKey: "k1" })];
      events.push("batch 2");
      yield [makePosting({ externalId: "2", dedupKey: "k2" })];
    }
    const counts = await ingestPostings(watched, sourceA, batches());
    expect(events).toEqual(["batch 1", "transaction", "batch 2"]);
    expect(counts).toMatchObject({ fetched: 2, new: 2 });
  });

  it("writes nothing when a later batch fails", async () => {
    async function* failing() {
      yield [makePosting({ externalId: "1", dedupKey: "k1" })];
      throw new Error("normalizing batch 2 failed");
    }
    await expect(ingestPostings(database.db, sourceA, failing())).rejects.toThrow("normalizing batch 2 failed");
    expect(await database.db.posting.count()).toBe(0);
    expect(await database.db.sighting.count()).toBe(0);
  });
});
