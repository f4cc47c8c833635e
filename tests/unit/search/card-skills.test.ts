import { describe, expect, it } from "vitest";
import { skillsWantedFirst, wantedSkills } from "@/lib/search/card-skills";

describe("wantedSkills", () => {
  it("takes the skills filter, then the skills the search words name by id, name or alias", () => {
    expect(wantedSkills({ skills: ["pytorch"], q: 'vLLM golang "model serving" c++ -rust' })).toEqual(["pytorch", "vllm", "go", "model-serving", "cpp"]);
  });

  it("is empty without either, and lists a skill once", () => {
    expect(wantedSkills({})).toEqual([]);
    expect(wantedSkills({ skills: ["cuda"], q: "CUDA kernels" })).toEqual(["cuda"]);
  });
});

describe("skillsWantedFirst", () => {
  it("moves the wanted skills to the front, keeping both parts in the posting's order", () => {
    expect(skillsWantedFirst(["python", "gpus", "caching", "vllm", "kubernetes", "ray", "cuda"], ["cuda", "kubernetes"])).toEqual([
      "kubernetes",
      "cuda",
      "python",
      "gpus",
      "caching",
      "vllm",
      "ray",
    ]);
    expect(skillsWantedFirst(["python", "rust"], [])).toEqual(["python", "rust"]);
  });
});
