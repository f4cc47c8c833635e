import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Words people type for a skill the taxonomy tags postings with (lib/normalize/skill-taxonomy.ts):
 * such a word also matches every posting tagged with the skill, whose search vector carries the
 * skill's id among the skills (weight B). Only words that mean the whole skill: "polars" is tagged
 * pandas and "eks" Kubernetes, but a search for either means that one thing.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, string>> = {
  k8s: "kubernetes",
  golang: "go",
  llm: "llms",
  genai: "llms",
  torch: "pytorch",
  sklearn: "scikit-learn",
  huggingface: "hugging-face",
  pyspark: "spark",
  onnxruntime: "onnx",
  gnn: "graph-ml",
  gnns: "graph-ml",
  cicd: "ci-cd",
  vertexai: "vertex-ai",
};

/** The skill a single search word stands for, if it is one of SEARCH_SYNONYMS. */
export function synonymSkill(word: string): string | undefined {
  return Object.hasOwn(SEARCH_SYNONYMS, word.toLowerCase()) ? SEARCH_SYNONYMS[word.toLowerCase()] : undefined;
}

/** The synonym words in a query (excluded ones too: "-k8s" leaves out Kubernetes postings), each once. */
export function querySynonyms(q: string): { word: string; skill: string }[] {
  const found = new Map<string, string>();
  for (const [word] of q.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const skill = synonymSkill(word);
    if (skill) found.set(word, skill);
  }
  return [...found].map(([word, skill]) => ({ word, skill }));
}

/** The skill's lexemes as its id sits in the search vector: among the skills, weight B. */
export function skillTsQuery(skill: string): Prisma.Sql {
  return Prisma.sql`to_tsquery('english', ${`${skill}:B`})`;
}

/**
 * The tsquery of a listing's words: web-search syntax (quotes, or, -), with each synonym word
 * widened to "the word, or the skill" wherever it occurs ('k8s' & 'serv' → ('k8s' | 'kubernet':B) & 'serv').
 */
export function searchTsQuery(q: string): Prisma.Sql {
  let query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  for (const { word, skill } of querySynonyms(q)) {
    const typed = Prisma.sql`plainto_tsquery('english', ${word})`;
    query = Prisma.sql`ts_rewrite(${query}, ${typed}, ${typed} || ${skillTsQuery(skill)})`;
  }
  return query;
}
