import { SKILLS } from "@/lib/normalize/skill-taxonomy";
import { queryTerms } from "./query-terms";
import type { PostingFilter } from "./schemas";

const SKILL_BY_NAME: ReadonlyMap<string, string> = new Map(
  SKILLS.flatMap((skill) => [skill.id, skill.name, ...skill.aliases, ...(skill.caseSensitiveAliases ?? [])].map((name) => [name.toLowerCase(), skill.id] as const)),
);

/** The skills a listing asks for: its skills filter, then those its search words name ("vllm", "C++", "golang"). */
export function wantedSkills(filter: Pick<PostingFilter, "skills" | "q">): string[] {
  const named = (filter.q ? queryTerms(filter.q) : []).map((term) => SKILL_BY_NAME.get(term.toLowerCase())).filter((id): id is string => Boolean(id));
  return [...new Set([...(filter.skills ?? []), ...named])];
}

/** A posting's skills with the wanted ones first, so a card's few chips show what was searched for. */
export function skillsWantedFirst(skills: readonly string[], wanted: readonly string[]): string[] {
  if (!wanted.length) return [...skills];
  return [...skills.filter((skill) => wanted.includes(skill)), ...skills.filter((skill) => !wanted.includes(skill))];
}
