import { describe, expect, it } from "vitest";
import { pluralPartner } from "@/lib/search/plurals";

describe("pluralPartner", () => {
  it("pairs the numbers the stemmer keeps apart: acronyms, -us, and words with digits", () => {
    expect(pluralPartner("GPUs")).toBe("gpu");
    expect(pluralPartner("gpu")).toBe("gpus");
    expect(pluralPartner("LLMs")).toBe("llm");
    expect(pluralPartner("llm")).toBe("llms");
    expect(pluralPartner("cnns")).toBe("cnn");
    expect(pluralPartner("menu")).toBe("menus");
    expect(pluralPartner("H100s")).toBe("h100");
    expect(pluralPartner("a100")).toBe("a100s");
  });

  it("leaves the words the stemmer already makes one lexeme, and what is no plain word", () => {
    for (const word of ["models", "model", "apis", "api", "dags", "pipelines", "aws", "class", "us", "is", "c", "x", "100", "c++", "tensorrt-llm", "café"]) {
      expect(pluralPartner(word), word).toBeNull();
    }
  });
});
