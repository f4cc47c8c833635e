import { describe, expect, it } from "vitest";
import { formatCountOf } from "@/lib/format";

describe("formatCountOf", () => {
  it("puts the noun in the count's number, a capped count always plural", () => {
    expect(formatCountOf(1, "posting", "postings")).toBe("1 posting");
    expect(formatCountOf(0, "posting", "postings")).toBe("0 postings");
    expect(formatCountOf(12_345, "open posting matches", "open postings match")).toBe("12,345 open postings match");
    expect(formatCountOf(1, "open posting matches", "open postings match")).toBe("1 open posting matches");
    expect(formatCountOf(10_000, "posting", "postings", true)).toBe("10,000+ postings");
  });
});
