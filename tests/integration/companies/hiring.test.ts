import { beforeAll, describe, expect, it } from "vitest";
import { listHiringCompanies } from "@/lib/companies/hiring";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting, Salary } from "@/lib/normalize/types";
import { countFacets } from "@/lib/search/listing";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

function posting(key: string, companyName: string, daysAgo: number, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return makePosting({ remote: "onsite", remoteRegions: [], externalId: key, title: `Senior ML Engineer ${key}`, companyName, dedupKey: key, contentHash: key, postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000), ...overrides });
}

const usd = (min: number | null, max: number | null): Salary => ({ min, max, currency: "USD", interval: "year", annualUsdMin: min, annualUsdMax: max });

describe("companies hiring", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "hiring-test" } });
    await ingestPostings(
      database.db,
      source.id,
      [
        posting("t1", "Tensorlane", 1, { remote: "remote", salary: usd(200_000, 250_000), sponsorsVisa: false }),
        posting("t2", "Tensorlane", 5, { salary: usd(260_000, null), sponsorsVisa: true }),
        posting("v1", "Vectorhaus", 2, { remote: "remote", salary: usd(150_000, 190_000) }),
        posting("v2", "Vectorhaus", 3, { sponsorsVisa: false }),
        // Closed, and not the role: neither raises a company's top salary nor says it sponsors.
        posting("v-closed", "Vectorhaus", 1, { salary: usd(400_000, 500_000), sponsorsVisa: true }),
        posting("a1", "Ashgrove", 9),
        posting("a-unfit", "Ashgrove", 1, { roleFit: { family: "ml_engineering", level: "junior", fit: false, score: 0.2, reasons: ["junior"] }, salary: usd(90_000, 120_000), sponsorsVisa: true }),
        posting("q-closed", "Quietco", 1),
      ],
      { now: NOW },
    );
    await database.db.posting.updateMany({ where: { dedupKey: { in: ["v-closed", "q-closed"] } }, data: { closedAt: NOW } });
  });

  it("counts each company's open fitting roles, most first, then by name", async () => {
    const { companies, total } = await listHiringCompanies(database.db);
    expect(total).toBe(3);
    expect(companies.map((c) => [c.name, c.openRoles, c.remoteRoles])).toEqual([
      ["Tensorlane", 2, 1],
      ["Vectorhaus", 2, 1],
      ["Ashgrove", 1, 0],
    ]);
    expect(companies[0]!.newestAt.getTime()).toBe(NOW.getTime() - 86_400_000);
  });

  it("gives each company the highest salary its open roles state, and whether any sponsors visas", async () => {
    const { companies } = await listHiringCompanies(database.db);
    expect(companies.map((c) => [c.name, c.topSalaryUsd, c.sponsorsVisa])).toEqual([
      // A minimum given alone counts as the role's top.
      ["Tensorlane", 260_000, true],
      ["Vectorhaus", 190_000, false],
      ["Ashgrove", null, false],
    ]);
  });

  it("gives each company the count its listing filter shows", async () => {
    const { companies } = await listHiringCompanies(database.db);
    for (const company of companies) {
      expect((await countFacets(database.db, { company: [company.slug] }, { now: NOW })).total, company.slug).toBe(company.openRoles);
    }
  });

  it("lists at most the limit, and still counts every company", async () => {
    const { companies, total } = await listHiringCompanies(database.db, { limit: 1 });
    expect(companies.map((c) => c.name)).toEqual(["Tensorlane"]);
    expect(total).toBe(3);
  });
});
