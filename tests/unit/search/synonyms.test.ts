import { describe, expect, it } from "vitest";
import { SKILLS } from "@/lib/normalize/skill-taxonomy";
import { querySynonyms, SEARCH_SYNONYMS, synonymSkill, withSkillWords } from "@/lib/search/synonyms";

describe("search synonyms", () => {
  it("each word is an alias the taxonomy tags its skill by, so the skill covers every posting that says it", () => {
    for (const [word, skillId] of Object.entries(SEARCH_SYNONYMS)) {
      const skill = SKILLS.find((s) => s.id === skillId);
      expect(skill, `${word} → ${skillId}`).toBeDefined();
      expect([...skill!.aliases, ...(skill!.caseSensitiveAliases ?? [])].map((a) => a.toLowerCase()), word).toContain(word);
    }
  });

  it("every skill id can be a tag lexeme as the migration writes it (lower-case letters, digits, hyphens)", () => {
    // mlradar_skill_tags (migration 20261128000000) quotes each id into tsvector text input as is.
    for (const skill of SKILLS) expect(skill.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it("finds the synonym words of a query in any case, excluded ones too, each once", () => {
    expect(querySynonyms('K8s "torch models" -LLM k8s')).toEqual([
      { word: "k8s", skill: "kubernetes" },
      { word: "torch", skill: "pytorch" },
      { word: "llm", skill: "llms" },
    ]);
    expect(querySynonyms("kubernetes pytorch")).toEqual([]);
  });

  it("knows only its own words", () => {
    expect(synonymSkill("constructor")).toBeUndefined();
    expect(synonymSkill("__proto__")).toBeUndefined();
    expect(synonymSkill("K8S")).toBe("kubernetes");
  });

  it("writes c++ and c# as their skills' ids, as whole words, except inside a phrase of several words", () => {
    expect(withSkillWords("C++ -c#")).toBe("cpp -csharp");
    expect(withSkillWords("c++, c#.")).toBe("cpp, csharp.");
    expect(withSkillWords('"c++"')).toBe('"cpp"');
    expect(withSkillWords('"c++ inference" c#')).toBe('"c++ inference" csharp');
    expect(withSkillWords("c++17 objective-c cc++ c+")).toBe("c++17 objective-c cc++ c+");
    for (const id of ["cpp", "csharp"]) expect(SKILLS.map((s) => s.id)).toContain(id);
  });

  it("writes go and r, typed alone, as synonyms that match only their language's tag", () => {
    expect(withSkillWords("Go or R")).toBe("golang or rlang");
    expect(withSkillWords("-go -r, r/python")).toBe("-golang -rlang, rlang/python");
    expect(withSkillWords('"go"')).toBe('"golang"');
    expect(synonymSkill("golang")).toBe("go");
    expect(synonymSkill("rlang")).toBe("r");
  });

  it("leaves go and r inside words, hyphenated words, r&d and phrases of several words", () => {
    for (const q of ["google argo gorilla", "go-to-market r&d R&D e-r", "mongo rust ray rocm", '"go to production" "r and python"', "let's", "bar-go"]) {
      expect(withSkillWords(q)).toBe(q);
    }
  });

  it("reads go as the verb in its common phrases typed without quotes, and as the language elsewhere", () => {
    for (const q of ["go to market", "Go To production", "go  live", "ml platform go-live"]) expect(withSkillWords(q)).toBe(q);
    expect(withSkillWords("go tooling")).toBe("golang tooling");
    expect(withSkillWords("go topology")).toBe("golang topology");
    expect(withSkillWords("go livestream")).toBe("golang livestream");
    expect(withSkillWords("python go")).toBe("python golang");
  });
});
