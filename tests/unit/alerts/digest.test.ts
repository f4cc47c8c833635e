import { describe, expect, it } from "vitest";
import { DIGEST_SIZE, PER_COMPANY, pickDigest } from "@/lib/alerts/digest";

const posting = (id: number, companyName: string, fitScore: number, title = `Role ${id}`) => ({
  id,
  title,
  companyName,
  fitScore,
  sortAt: new Date(Date.UTC(2026, 10, id)),
});

describe("pickDigest", () => {
  it("shows the best ten roles, at most three per company, and counts the rest", () => {
    const candidates = [
      ...Array.from({ length: 8 }, (_, i) => posting(i + 1, "Bigco", 0.99)),
      ...Array.from({ length: 4 }, (_, i) => posting(20 + i, "Tensorlane", 0.9)),
      ...Array.from({ length: 3 }, (_, i) => posting(30 + i, "Vectorly", 0.5)),
      posting(40, "Smallco", 0.7),
      posting(41, "Othercorp", 0.1),
    ];
    const { shown, roles, more } = pickDigest(candidates);
    expect(shown).toHaveLength(DIGEST_SIZE);
    expect(roles).toBe(candidates.length);
    expect(shown.every((role) => role.length === 1)).toBe(true);
    expect(more).toBe(candidates.length - DIGEST_SIZE);
    const perCompany = new Map<string, number>();
    for (const [p] of shown) perCompany.set(p!.companyName, (perCompany.get(p!.companyName) ?? 0) + 1);
    expect(Math.max(...perCompany.values())).toBeLessThanOrEqual(PER_COMPANY);
    expect(shown.slice(0, 3).every(([p]) => p!.companyName === "Bigco")).toBe(true);
    expect(shown.map(([p]) => p!.fitScore)).toEqual([...shown.map(([p]) => p!.fitScore)].sort((a, b) => b - a));
  });

  it("shows everything when there is little, newest first among equals", () => {
    const { shown, more } = pickDigest([posting(1, "A", 0.5), posting(2, "B", 0.5)]);
    expect(shown.map((role) => role.map((p) => p.id))).toEqual([[2], [1]]);
    expect(more).toBe(0);
  });

  it("makes one entry of a role a company lists once per city, wherever its postings rank", () => {
    const { shown, roles, more } = pickDigest([
      posting(1, "Tensorlane", 0.9, "Staff ML Engineer, Inference"),
      posting(2, "Vectorly", 0.8),
      posting(3, "tensorlane", 0.7, "staff ml  engineer, inference"),
      posting(4, "Othercorp", 0.6, "Staff ML Engineer, Inference"),
    ]);
    expect(shown.map((role) => role.map((p) => p.id))).toEqual([[1, 3], [2], [4]]);
    expect(roles).toBe(3);
    expect(more).toBe(0);
  });

  it("counts a role once, against its company's three and in what is left over", () => {
    const cities = Array.from({ length: 4 }, (_, i) => posting(10 + i, "Bigco", 0.9, "Senior ML Engineer"));
    const others = Array.from({ length: 3 }, (_, i) => posting(20 + i, "Bigco", 0.8));
    const { shown, roles, more } = pickDigest([...cities, ...others]);
    expect(shown.map((role) => role.length)).toEqual([4, 1, 1]);
    expect(roles).toBe(4);
    expect(more).toBe(1);
  });
});
