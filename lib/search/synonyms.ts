import { Prisma } from "@/lib/generated/prisma/client";
import { escapeRegExp } from "@/lib/normalize/skills";
import { SKILLS } from "@/lib/normalize/skill-taxonomy";
import { pluralPartner } from "./plurals";

/**
 * Words people type for a skill the taxonomy tags postings with (lib/normalize/skill-taxonomy.ts):
 * such a word also matches the skill's id, which the search vector of every posting tagged with it
 * carries among its skills. Only words that mean the whole skill: "polars" is tagged pandas and "eks"
 * Kubernetes, but a search for either means that one thing.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, string>> = {
  k8s: "kubernetes",
  llm: "llms",
  genai: "llms",
  torch: "pytorch",
  sklearn: "scikit-learn",
  huggingface: "hugging-face",
  onnxruntime: "onnx",
  gnn: "graph-ml",
  gnns: "graph-ml",
  cicd: "ci-cd",
  vertexai: "vertex-ai",
  golang: "go",
  pyspark: "spark",
  rlang: "r",
  rstats: "r",
};

/**
 * Skills whose id is an everyday word: their synonyms match the skill's tag ('#go', migration
 * 20261128000000), never the word, which would find the verb "go" in any description.
 */
const TAG_ONLY_SKILLS: ReadonlySet<string> = new Set(["go", "spark", "r"]);

/** What a synonym widens to: the skill's name as words, or for TAG_ONLY_SKILLS its tag alone. */
function skillTsQuery(skill: string): Prisma.Sql {
  return TAG_ONLY_SKILLS.has(skill) ? Prisma.sql`quote_literal(${`#${skill}`}::text)::tsquery` : Prisma.sql`plainto_tsquery('english', ${skill})`;
}

/**
 * Skill names the text parser cannot keep: "c++" and "c#" both parse to 'c', so each found the other's
 * postings and every "C" or "Objective-C". Every taxonomy alias that is a word with trailing symbols is
 * searched as its skill's id instead, which the skills of every posting tagged with it carry ('cpp',
 * 'csharp'); the taxonomy tags every posting that names it.
 */
const SYMBOL_SKILL_WORDS: readonly (readonly [RegExp, string])[] = SKILLS.flatMap((skill) =>
  skill.aliases
    .filter((alias) => /^[\p{L}\p{N}]+[+#]+$/u.test(alias))
    .map((alias) => [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}+#])`, "giu"), skill.id] as const),
);

/**
 * Languages whose name is also a verb or a letter: as words, "go" found "ideas go to production" and "r"
 * every "R&D". Typed alone they mean the language, so they are searched as their synonym, which matches
 * the skill's tag. Not inside a word, a hyphenated one ("go-to-market"), "r&d", or the verb's common
 * phrases typed without quotes ("go to market", "go live").
 */
const EVERYDAY_SKILL_WORDS: readonly (readonly [RegExp, string])[] = [
  ["go", "golang", "(?!\\s+(?:to|live)(?![\\p{L}\\p{N}]))"],
  ["r", "rlang", ""],
].map(([word, synonym, notBefore]) => [new RegExp(`(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)${word}(?![\\p{L}\\p{N}'’&+#-])${notBefore}`, "giu"), synonym!] as const);

/**
 * The query with skill names the text parser cannot search written as words it can ("c++ -c#" →
 * "cpp -csharp", "go" → "golang"), except within a quoted phrase of several words, which must match the
 * text as written ("c++ inference", "go to market").
 */
export function withSkillWords(q: string): string {
  const rewrite = (text: string) => [...SYMBOL_SKILL_WORDS, ...EVERYDAY_SKILL_WORDS].reduce((out, [pattern, word]) => out.replace(pattern, word), text);
  return q.replace(/"[^"]*"?|[^"]+/g, (part) => (part.startsWith('"') && /\S\s+\S/.test(part) ? part : rewrite(part)));
}

/** The skill a single search word stands for, if it is one of SEARCH_SYNONYMS. */
export function synonymSkill(word: string): string | undefined {
  return Object.hasOwn(SEARCH_SYNONYMS, word.toLowerCase()) ? SEARCH_SYNONYMS[word.toLowerCase()] : undefined;
}

/** The words of a query, each once, in lower case. */
function queryWords(q: string): string[] {
  return [...new Set([...q.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map(([word]) => word))];
}

/** The synonym words in a query (excluded ones too: "-k8s" leaves out Kubernetes postings), each once. */
export function querySynonyms(q: string): { word: string; skill: string }[] {
  return queryWords(q).flatMap((word) => {
    const skill = synonymSkill(word);
    return skill ? [{ word, skill }] : [];
  });
}

/**
 * A word widened to its other number where the stemmer keeps them apart ('gpus' → 'gpus' | 'gpu'); a
 * stop word stays nothing ("the" is not widened to 'thes').
 */
function withPartner(word: string, typed: Prisma.Sql): Prisma.Sql {
  const partner = pluralPartner(word);
  return partner ? Prisma.sql`CASE WHEN numnode(${typed}) = 0 THEN ${typed} ELSE ${typed} || plainto_tsquery('english', ${partner}) END` : typed;
}

/**
 * The tsquery of a listing's words: web-search syntax (quotes, or, -), with each synonym word
 * widened to "the word, or the skill" wherever it occurs ('k8s' & 'serv' → ('k8s' | 'kubernet') & 'serv'),
 * and each other word to its other number where the stemmer keeps them apart ("GPUs" finds "GPU").
 */
export function searchTsQuery(q: string): Prisma.Sql {
  const words = withSkillWords(q);
  let query = Prisma.sql`websearch_to_tsquery('english', ${words})`;
  for (const { word, skill } of querySynonyms(words)) {
    const typed = Prisma.sql`plainto_tsquery('english', ${word})`;
    query = Prisma.sql`ts_rewrite(${query}, ${typed}, ${typed} || ${skillTsQuery(skill)})`;
  }
  for (const word of queryWords(words)) {
    if (synonymSkill(word) || !pluralPartner(word)) continue;
    const typed = Prisma.sql`plainto_tsquery('english', ${word})`;
    query = Prisma.sql`ts_rewrite(${query}, ${typed}, ${withPartner(word, typed)})`;
  }
  return query;
}

/** One search term (a word or a quoted phrase) as a tsquery, widened as in searchTsQuery. */
export function termTsQuery(term: string): Prisma.Sql {
  // A phrase of several words keeps "c++" as the text has it, as in searchTsQuery.
  const word = /\s/.test(term.trim()) ? term : withSkillWords(term);
  const typed = Prisma.sql`phraseto_tsquery('english', ${word})`;
  const skill = synonymSkill(word);
  if (skill) return Prisma.sql`(${typed} || ${skillTsQuery(skill)})`;
  return /\s/.test(word.trim()) ? typed : Prisma.sql`(${withPartner(word, typed)})`;
}
