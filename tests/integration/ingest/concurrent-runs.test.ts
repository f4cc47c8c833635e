import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

/** Postings of one company, as two boards of it would list them (same dedup keys on both). */
function companyPostings(company: string, count: number): NormalizedPosting[] {
  return Array.from({ length: count }, (_, i) =>
    makePosting({
      externalId: `${company}-${i}`,
      dedupKey: `${company}|ml engineer ${i}`,
      contentHash: `${company}-${i}`,
      companySlug: company,
      companyName: company,
      title: `ML Engineer ${i}`,
    }),
  );
}

/** A run that writes its first batch, then, while that is being written, takes a while to produce the next. */
async function* batches(first: NormalizedPosting[], second: NormalizedPosting[]): AsyncGenerator<NormalizedPosting[]> {
  yield first;
  await sleep(500);
  yield second;
}

describe("two scrape runs of sources that share companies, at the same time", () => {
  const database = setupTestDatabase();

  it("both succeed (the worker runs several scrapes at once; their writes must not deadlock)", async () => {
    const { db } = database;
    const [a, b] = [companyPostings("alpha-labs", 40), companyPostings("beta-ai", 40)];
    const greenhouse = (await db.source.create({ data: { kind: "greenhouse", token: "concurrent" } })).id;
    const ashby = (await db.source.create({ data: { kind: "ashby", token: "concurrent" } })).id;
    // Each run meets the other's first company in its second batch: on PostgreSQL, without one order
    // for the two transactions, each waits for the other's uncommitted company and posting rows.
    const ashbyOwn = (p: NormalizedPosting) => ({ ...p, externalId: `ashby-${p.externalId}` });
    const runs = await Promise.allSettled([
      ingestPostings(db, greenhouse, batches(a, b)),
      ingestPostings(db, ashby, batches(b.map(ashbyOwn), a.map(ashbyOwn))),
    ]);
    expect(runs.map((run) => (run.status === "rejected" ? String(run.reason).split("\n").slice(-3).join(" ") : "ok"))).toEqual(["ok", "ok"]);
    expect(await db.company.count()).toBe(2);
    expect(await db.posting.count()).toBe(80);
    expect(await db.sighting.count()).toBe(160);
  });
});
