import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting, RoleFit } from "@/lib/normalize/types";
import { listOtherLocations, listSimilarPostings } from "@/lib/postings/queries";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

function posting(key: string, daysAgo: number, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return makePosting({ externalId: key, title: `Senior ML Engineer ${key}`, dedupKey: key, contentHash: key, postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000), ...overrides });
}

describe("similar postings", () => {
  const database = setupTestDatabase();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "similar-test" } });
    const fit = (level: RoleFit["level"], family: RoleFit["family"] = "ml_engineering"): RoleFit => ({ family, level, fit: true, score: 0.9, reasons: ["title"] });
    await ingestPostings(
      database.db,
      source.id,
      [
        posting("self", 1, { skills: ["pytorch", "cuda", "vllm"] }),
        posting("two-shared", 30, { skills: ["pytorch", "cuda"] }),
        posting("one-shared-same-level", 20, { skills: ["vllm"] }),
        posting("one-shared-other-level", 2, { skills: ["cuda"], roleFit: fit("staff") }),
        posting("none-shared", 1, { skills: ["spark"] }),
        posting("other-family", 1, { skills: ["pytorch", "cuda", "vllm"], roleFit: fit("senior", "data_science") }),
        posting("not-fit", 1, { skills: ["pytorch", "cuda", "vllm"], roleFit: { family: "ml_engineering", level: "junior", fit: false, score: 0.3, reasons: ["junior"] } }),
        posting("closed", 1, { skills: ["pytorch", "cuda", "vllm"] }),
        // The same role elsewhere: one company's title, whatever its case and spacing.
        posting("self-in-berlin", 3, { title: "senior  ML engineer SELF ", skills: ["pytorch", "cuda", "vllm"], locations: [{ raw: "Berlin, Germany", city: "Berlin", country: "DE" }] }),
        posting("self-closed-elsewhere", 3, { title: "Senior ML Engineer self", skills: ["pytorch", "cuda", "vllm"] }),
        posting("same-title-other-company", 40, { title: "Senior ML Engineer self", companyName: "Vectorhaus", skills: ["pytorch", "cuda", "vllm"] }),
      ],
      { now: NOW },
    );
    for (const row of await database.db.posting.findMany({ select: { id: true, dedupKey: true } })) ids.set(row.dedupKey, row.id);
    await database.db.posting.updateMany({ where: { id: { in: [ids.get("closed")!, ids.get("self-closed-elsewhere")!] } }, data: { closedAt: NOW } });
  });

  const self = async () => database.db.posting.findUniqueOrThrow({ where: { id: ids.get("self")! }, select: { id: true, companyId: true, title: true } });

  it("ranks open fitting postings of the family by shared skills, then level, then recency", async () => {
    const similar = await listSimilarPostings({ ...(await self()), family: "ml_engineering", level: "senior", skills: ["pytorch", "cuda", "vllm"] });
    const byId = new Map([...ids].map(([key, id]) => [id, key]));
    // Not the same role in Berlin: that is listOtherLocations'. Another company's same title is a similar role.
    expect(similar.map((row) => byId.get(row.id))).toEqual(["same-title-other-company", "two-shared", "one-shared-same-level", "one-shared-other-level", "none-shared"]);
  });

  it("falls back to the newest of the family when nothing shares a skill", async () => {
    const similar = await listSimilarPostings({ ...(await self()), family: "ml_engineering", level: "senior", skills: [] }, 2);
    expect(similar).toHaveLength(2);
    expect(similar.map((row) => row.id)).not.toContain(ids.get("self"));
  });

  it("lists the same role's other open postings (one company's title, in any case and spacing) apart", async () => {
    const elsewhere = await listOtherLocations(await self());
    expect(elsewhere.map((row) => row.id)).toEqual([ids.get("self-in-berlin")]);
    expect(elsewhere[0]!.locations.map((l) => l.raw)).toEqual(["Berlin, Germany"]);
  });
});
