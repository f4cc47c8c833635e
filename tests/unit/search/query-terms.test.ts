import { describe, expect, it } from "vitest";
import { describeTermMatches, queryTerms } from "@/lib/search/query-terms";

describe("queryTerms", () => {
  it("keeps the words and quoted phrases as typed, in order", () => {
    expect(queryTerms('vLLM "model serving" Kubernetes')).toEqual(["vLLM", "model serving", "Kubernetes"]);
  });

  it("leaves out excluded words and phrases, the or operator and repeats", () => {
    expect(queryTerms('pytorch or jax -java -"data entry" PyTorch')).toEqual(["pytorch", "jax"]);
  });

  it("trims punctuation around a word but keeps C++ and C#", () => {
    expect(queryTerms("(cuda), c++ c# rust.")).toEqual(["cuda", "c++", "c#", "rust"]);
  });

  it("copes with an unclosed quote and with nothing left", () => {
    expect(queryTerms('"low latency')).toEqual(["low latency"]);
    expect(queryTerms('-java "" or')).toEqual([]);
  });

  it("explains at most five terms", () => {
    expect(queryTerms("a1 b2 c3 d4 e5 f6 g7")).toEqual(["a1", "b2", "c3", "d4", "e5"]);
  });
});

describe("describeTermMatches", () => {
  it("groups the terms by where they were found, title first", () => {
    expect(
      describeTermMatches([
        { term: "kubernetes", in: "description" },
        { term: "vllm", in: "title" },
        { term: "triton", in: "title" },
        { term: "cuda", in: "title" },
        { term: "ray", in: "skills" },
        { term: "jax", in: null },
      ]),
    ).toBe("“vllm”, “triton” and “cuda” in the title; “ray” in the skills; “kubernetes” in the description");
  });

  it("is null when nothing was placed", () => {
    expect(describeTermMatches(undefined)).toBeNull();
    expect(describeTermMatches([{ term: "jax", in: null }])).toBeNull();
  });
});
