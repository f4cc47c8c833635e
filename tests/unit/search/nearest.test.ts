import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "@/lib/search/nearest";

describe("editDistance", () => {
  it("counts inserts, deletes, substitutions and a swap of neighbours as one edit each", () => {
    expect(editDistance("level", "level")).toBe(0);
    expect(editDistance("levl", "level")).toBe(1);
    expect(editDistance("levels", "level")).toBe(1);
    expect(editDistance("lavel", "level")).toBe(1);
    expect(editDistance("vias", "visa")).toBe(1);
    expect(editDistance("pytroch", "pytorch")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    // Optimal string alignment: a swapped pair is not edited again ("ca" to "abc" takes 3).
    expect(editDistance("ca", "abc")).toBe(3);
  });
});

describe("nearest", () => {
  it("finds the name a short misspelling with swapped letters meant", () => {
    expect(nearest("vias", ["visa", "level", "skills"])).toBe("visa");
    expect(nearest("srot", ["sort", "source"])).toBe("sort");
    expect(nearest("zzzz", ["visa", "sort"])).toBeUndefined();
  });
});
