import { describe, expect, it } from "vitest";
import { canonicalFilter, filtersHash } from "@/lib/saved-searches/canonical";

describe("canonical filters", () => {
  it("gives one hash to filters that match the same postings", () => {
    const a = filtersHash({ q: "PyTorch  inference", level: ["staff", "senior"], remote: ["remote"], sort: "newest", adjacent: false });
    const b = filtersHash({ remote: ["remote"], level: ["senior", "staff"], q: "pytorch inference", sort: "salary" });
    expect(a).toBe(b);
    expect(filtersHash({ location: "de" })).toBe(filtersHash({ location: "DE" }));
    expect(filtersHash({ location: "Berlin" })).toBe(filtersHash({ location: "berlin" }));
  });

  it("keeps filters that match differently apart", () => {
    expect(filtersHash({ level: ["staff"] })).not.toBe(filtersHash({ level: ["senior"] }));
    expect(filtersHash({ salaryMin: 200000 })).not.toBe(filtersHash({ salaryMin: 200000, withoutSalary: true }));
    expect(canonicalFilter({ withoutSalary: true })).toEqual({});
  });
});
