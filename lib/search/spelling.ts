import { SKILLS } from "@/lib/normalize/skill-taxonomy";
import { nearest } from "./nearest";

/** Words of ML engineering roles that are no skill's name. */
const ROLE_WORDS = [
  "machine", "learning", "engineer", "engineering", "inference", "serving", "platform", "infrastructure", "research",
  "researcher", "scientist", "recommendation", "recommender", "ranking", "search", "vision", "speech", "robotics",
  "training", "distributed", "compiler", "kernels", "performance", "senior", "staff", "principal", "lead", "remote",
  "hybrid", "generative", "multimodal", "embeddings", "retrieval", "evaluation", "alignment", "pretraining",
  "perception", "autonomous", "personalization", "forecasting", "optimization", "reinforcement",
];

/** The words a search is spelled against: every skill's id, name and aliases (the search synonyms among them) and ROLE_WORDS. */
const VOCABULARY: readonly string[] = [
  ...new Set(
    [...SKILLS.flatMap((skill) => [skill.id, skill.name, ...skill.aliases]), ...ROLE_WORDS]
      .flatMap((text) => text.toLowerCase().match(/[\p{L}]+/gu) ?? [])
      .filter((word) => word.length >= 4),
  ),
];
const KNOWN: ReadonlySet<string> = new Set(VOCABULARY);

/**
 * The search as it was probably meant, for a search that found nothing: each unknown word of four
 * letters or more replaced by the known word within a third of its length in edits and starting with
 * the same letter ("pytroch kubernets" → "pytorch kubernetes"); null when no word changes.
 */
export function suggestQuery(q: string): string | null {
  let changed = false;
  const suggested = q.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (lower.length < 4 || /\d/.test(lower) || KNOWN.has(lower)) return word;
    const meant = nearest(lower, VOCABULARY.filter((known) => known[0] === lower[0]));
    if (!meant) return word;
    changed = true;
    return meant;
  });
  return changed ? suggested : null;
}
