import { describe, expect, it } from "vitest";
import { describeFilter } from "@/lib/saved-searches/describe-filter";

describe("describeFilter", () => {
  it("names a saved search by its filters, in the form's order", () => {
    expect(describeFilter({ q: "vllm", level: ["staff", "principal"], remote: ["remote"], eligible: "DE", visa: true, skills: ["pytorch"], salaryMin: 180_000 })).toBe(
      "“vllm” · Staff/Principal · Remote · open to Germany · sponsors visas · PyTorch · ≥ $180K",
    );
  });

  it("names an empty filter for what it finds, and keeps a name within 100 characters", () => {
    expect(describeFilter({})).toBe("All senior ML engineering roles");
    expect(describeFilter({ q: "x".repeat(200) })).toHaveLength(100);
  });
});
