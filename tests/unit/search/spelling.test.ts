import { describe, expect, it } from "vitest";
import { suggestQuery } from "@/lib/search/spelling";

describe("suggestQuery", () => {
  it("corrects misspelled skill and role words, keeping the rest of the query as typed", () => {
    expect(suggestQuery("pytroch")).toBe("pytorch");
    expect(suggestQuery("kubernets -tensorflwo")).toBe("kubernetes -tensorflow");
    expect(suggestQuery('"hugginface models" or infrence')).toBe('"huggingface models" or inference');
    expect(suggestQuery("Staff PyTroch")).toBe("Staff pytorch");
  });

  it("leaves known, short, numbered and far-off words alone, and says when nothing changed", () => {
    expect(suggestQuery("pytorch kubernetes")).toBeNull();
    expect(suggestQuery("k8s gpu c++")).toBeNull();
    expect(suggestQuery("h100s a100")).toBeNull();
    expect(suggestQuery("zzzzzznothing")).toBeNull();
    // A different first letter is another word, not a typo ("trust" is not "rust").
    expect(suggestQuery("trust")).toBeNull();
    expect(suggestQuery("")).toBeNull();
  });
});
