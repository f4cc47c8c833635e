import { describe, expect, it } from "vitest";
import { DIGEST_SIZE, PER_COMPANY, pickDigest } from "@/lib/alerts/digest";

const posting = (id: number, companyName: string, fitScore: number) => ({ id, companyName, fitScore, sortAt: new Date(Date.UTC(2026, 10, id)) });

describe("pickDigest", () => {
  it("shows the best ten, at most three per company, and counts the rest", () => {
    const candidates = [
      ...Array.from({ length: 8 }, (_, i) => posting(i + 1, "Bigco", 0.99)),
      ...Array.from({ length: 4 }, (_, i) => posting(20 + i, "Tensorlane", 0.9)),
      ...Array.from({ length: 3 }, (_, i) => posting(30 + i, "Vectorly", 0.5)),
      posting(40, "Smallco", 0.7),
      posting(41, "Othercorp", 0.1),
    ];
    const { shown, more } = pickDigest(candidates);
    expect(shown).toHaveLength(DIGEST_SIZE);
    expect(more).toBe(candidates.length - DIGEST_SIZE);
    const perCompany = new Map<string, number>();
    for (const p of shown) perCompany.set(p.companyName, (perCompany.get(p.companyName) ?? 0) + 1);
    expect(Math.max(...perCompany.values())).toBeLessThanOrEqual(PER_COMPANY);
    expect(shown.slice(0, 3).every((p) => p.companyName === "Bigco")).toBe(true);
    expect(shown.map((p) => p.fitScore)).toEqual([...shown.map((p) => p.fitScore)].sort((a, b) => b - a));
  });

  it("shows everything when there is little, newest first among equals", () => {
    const { shown, more } = pickDigest([posting(1, "A", 0.5), posting(2, "B", 0.5)]);
    expect(shown.map((p) => p.id)).toEqual([2, 1]);
    expect(more).toBe(0);
  });
});
