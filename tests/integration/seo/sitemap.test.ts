import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { listPagesSitemap, listPostingsSitemap, listSitemapFiles, postingsSitemapPath, SITEMAP_PAGES } from "@/lib/seo/sitemap-entries";
import { postingsSitemapShared } from "@/lib/seo/sitemap-shared";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

function posting(key: string, companyName: string, daysAgo: number, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return makePosting({ externalId: key, title: `Senior ML Engineer ${key}`, companyName, dedupKey: key, contentHash: key, postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000), ...overrides });
}

describe("sitemap", () => {
  const database = setupTestDatabase();
  const ids = new Map<string, number>();
  const path = (key: string, company: string) => `/jobs/${ids.get(key)}/senior-ml-engineer-${key}-${company}`;

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
        posting("latest", "Tensorlane", 0),
      ],
      { now: NOW },
    );
    for (const row of await database.db.posting.findMany({ select: { id: true, dedupKey: true } })) ids.set(row.dedupKey, row.id);
    await database.db.posting.updateMany({ where: { dedupKey: "closed" }, data: { closedAt: NOW } });
  });

  it("lists the site's pages and the companies with open roles in the first file", async () => {
    const entries = await listPagesSitemap(database.db);
    expect(entries.map((e) => e.path)).toEqual([...SITEMAP_PAGES, "/companies/tensorlane", "/companies/vectorhaus"]);
    expect(entries.at(-1)!.lastModified).toBeInstanceOf(Date);
  });

  it("splits the open postings the listing shows into files by blocks of ids, each in id order", async () => {
    const all = await listPostingsSitemap(database.db, 0, { maxUrls: 1_000_000_000 });
    expect(all.map((e) => e.path)).toEqual([path("older", "tensorlane"), path("newer", "vectorhaus"), path("latest", "tensorlane")]);
    expect(all[0]!.lastModified).toBeInstanceOf(Date);

    // Blocks of two ids: each file holds the open postings of its block only, and a block of closed or unfit ones has no file.
    const maxUrls = 2;
    const files = await listSitemapFiles(database.db, { maxUrls });
    const blocks = [...new Set(["older", "newer", "latest"].map((key) => Math.floor(ids.get(key)! / maxUrls)))];
    expect(files.map((f) => f.path)).toEqual(["/sitemaps/pages.xml", ...blocks.map(postingsSitemapPath)]);
    const listed = [];
    for (const block of blocks) {
      const entries = await listPostingsSitemap(database.db, block, { maxUrls });
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(maxUrls);
      listed.push(...entries.map((e) => e.path));
    }
    expect(listed).toEqual(all.map((e) => e.path));
    // Each file is as new as its newest posting; the pages file as the newest of all.
    expect(files[0]!.lastModified).toEqual(new Date(Math.max(...files.slice(1).map((f) => f.lastModified!.getTime()))));
  });

  it("writes a postings file once a minute, shared by the requests in between", async () => {
    const site = "https://mlradar.example";
    const start = Date.now();
    const first = await postingsSitemapShared(0, site, start);
    expect(first).toContain(`${site}${path("newer", "vectorhaus")}`);
    await database.db.posting.updateMany({ where: { dedupKey: "newer" }, data: { closedAt: NOW } });
    try {
      expect(await postingsSitemapShared(0, site, start + 30_000)).toBe(first);
      expect(await postingsSitemapShared(0, site, start + 61_000)).not.toContain(path("newer", "vectorhaus"));
    } finally {
      await database.db.posting.updateMany({ where: { dedupKey: "newer" }, data: { closedAt: null } });
    }
  });

  it("has no files of postings when none is open", async () => {
    expect(await listPostingsSitemap(database.db, 1_000_000)).toEqual([]);
  });
});
