import { describe, expect, it } from "vitest";
import type { ListingItem } from "@/lib/search/listing";
import { groupPostings, groupByRole, salaryRangeUsd } from "@/lib/search/posting-groups";

function item(id: number, title: string, companySlug: string, salary: [number | null, number | null] = [null, null]): ListingItem {
  return {
    id,
    title,
    companyName: companySlug,
    companySlug,
    locations: [{ raw: `City ${id}` }],
    remote: "onsite",
    remoteRegions: [],
    level: "staff",
    family: "ml_engineering",
    fitScore: 0.9,
    fitReasons: [],
    skills: [],
    salaryMinUsd: salary[0],
    salaryMaxUsd: salary[1],
    salaryCurrency: null,
    salaryMin: null,
    salaryMax: null,
    salaryInterval: null,
    sponsorsVisa: null,
    sortAt: new Date("2026-11-20T00:00:00Z"),
    postedAt: null,
    rank: null,
  };
}

const ids = (groups: ListingItem[][]) => groups.map((g) => g.map((i) => i.id));

describe("groupPostings", () => {
  it("joins neighbouring postings of one role at one company, ignoring case and spacing", () => {
    const groups = groupPostings([
      item(1, "Staff ML Engineer, Inference", "tensorlane"),
      item(2, "staff ml  engineer, inference ", "tensorlane"),
      item(3, "Staff ML Engineer, Inference", "quillstone"),
      item(4, "Senior ML Engineer", "quillstone"),
    ]);
    expect(ids(groups)).toEqual([[1, 2], [3], [4]]);
  });

  it("keeps the listing's order: the same role further down stays a card of its own", () => {
    const groups = groupPostings([item(1, "ML Engineer", "a"), item(2, "Research Engineer", "b"), item(3, "ML Engineer", "a")]);
    expect(ids(groups)).toEqual([[1], [2], [3]]);
  });

  it("gives no cards for no postings", () => {
    expect(groupPostings([])).toEqual([]);
  });
});

describe("groupByRole", () => {
  it("joins every posting of one role wherever it stands, in the order of each role's first posting", () => {
    const groups = groupByRole(
      [item(1, "ML Engineer", "a"), item(2, "Research Engineer", "b"), item(3, "ml engineer", "a"), item(4, "ML Engineer", "b")],
      (posting) => posting.companySlug,
    );
    expect(ids(groups)).toEqual([[1, 3], [2], [4]]);
  });
});

describe("salaryRangeUsd", () => {
  it("spans every posting's stated range, one-sided ones included", () => {
    expect(salaryRangeUsd([item(1, "t", "c", [200_000, 260_000]), item(2, "t", "c", [null, 300_000]), item(3, "t", "c")])).toEqual({ min: 200_000, max: 300_000 });
  });

  it("is empty when no posting states a salary", () => {
    expect(salaryRangeUsd([item(1, "t", "c"), item(2, "t", "c")])).toEqual({ min: null, max: null });
  });
});
