import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { listSitemapEntries, SITEMAP_PAGES } from "@/lib/seo/sitemap-entries";
import { sitemapEntriesShared } from "@/lib/seo/sitemap-shared";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

function posting(key: string, companyName: string, daysAgo: number, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return makePosting({ externalId: key, title: `Senior ML Engineer ${key}`, companyName, dedupKey: key, contentHash: key, postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000), ...overrides });
}

describe("sitemap entries", () => {
  const database = setupTestDatabase();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "sitemap-test" } });
    await ingestPostings(
      database.db,
      source.id,
      [
        posting("older", "Tensorlane", 5),
        posting("newer", "Vectorhaus", 1),
        posting("closed", "Quietco", 1),
        posting("unfit", "Ashgrove", 2, { roleFit: { family: "ml_engineering", level: "junior", fit: false, score: 0.2, reasons: ["junior"] } }),
      ],
      { now: NOW },
    );
    for (const row of await database.db.posting.findMany({ select: { id: true, dedupKey: true } })) ids.set(row.dedupKey, row.id);
    await database.db.posting.updateMany({ where: { dedupKey: "closed" }, data: { closedAt: NOW } });
  });

  it("lists the site's pages, the companies with open roles and the open postings the listing shows, newest first", async () => {
    const entries = await listSitemapEntries(database.db);
    expect(entries.map((e) => e.path)).toEqual([
      ...SITEMAP_PAGES,
      "/companies/tensorlane",
      "/companies/vectorhaus",
      `/jobs/${ids.get("newer")}/senior-ml-engineer-newer-vectorhaus`,
      `/jobs/${ids.get("older")}/senior-ml-engineer-older-tensorlane`,
    ]);
    expect(entries.at(-1)!.lastModified).toBeInstanceOf(Date);
  });

  it("stops at the URL limit, leaving out the oldest postings first", async () => {
    const entries = await listSitemapEntries(database.db, { maxUrls: SITEMAP_PAGES.length + 3 });
    expect(entries.map((e) => e.path).slice(-3)).toEqual(["/companies/tensorlane", "/companies/vectorhaus", `/jobs/${ids.get("newer")}/senior-ml-engineer-newer-vectorhaus`]);
  });

  it("computes the entries once a minute, shared by the requests in between", async () => {
    const start = Date.now();
    const first = await sitemapEntriesShared(start);
    const source = await database.db.source.findFirstOrThrow({ where: { token: "sitemap-test" } });
    await ingestPostings(database.db, source.id, [posting("latest", "Tensorlane", 0)], { now: NOW });
    const latest = await database.db.posting.findFirstOrThrow({ where: { dedupKey: "latest" }, select: { id: true } });
    const path = `/jobs/${latest.id}/senior-ml-engineer-latest-tensorlane`;
    expect(await sitemapEntriesShared(start + 30_000)).toBe(first);
    expect(first.map((e) => e.path)).not.toContain(path);
    expect((await sitemapEntriesShared(start + 61_000)).map((e) => e.path)).toContain(path);
  });
});
