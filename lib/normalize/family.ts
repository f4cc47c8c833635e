import { skillPhrase, SKILLS_BY_ID, type SkillFamily } from "@/lib/normalize/skill-taxonomy";
import {
  ML_TOPIC,
  INFERENCE_TOPIC,
  SERVING,
  RESEARCH_TOPIC,
  INFRA_TOPIC,
  ML_ONLY_INFRA,
  ENGINEER_NOUN,
  BUILDER_NOUN,
  SCIENTIST_NOUN,
  TRAINEE_NOUN,
  NON_ENGINEERING,
  NON_ML_ENGINEERING,
  CORE_ML_ROLE,
  RESEARCH_ROLE,
  DATA_SCIENCE,
  STRONG_DATA_SCIENCE,
  MANAGEMENT,
  GENERIC_ROLE_HEAD,
  LOCATION_QUALIFIER,
  GENERIC_ENGINEER_HEAD,
  COMPANY_TAIL,
  DOMAIN_NAME,
  ROLE_WORD,
} from "@/lib/normalize/role-vocabulary";
import { matchSkills, type SkillMention } from "@/lib/normalize/skills";
import { normalizeTitle } from "@/lib/normalize/title";
import type { RoleFamily } from "@/lib/normalize/types";

/**
 * How a family was decided, for fit and for reasons:
 * target — an ML engineering role this site is for; scientist — a research/applied scientist role (adjacent);
 * adjacent — data science or ML management; other — anything else, with `kind` naming what it is.
 */
export interface FamilyEvidence {
  family: RoleFamily;
  category: "target" | "scientist" | "adjacent" | "other";
  source: "title" | "description";
  /** What kind of role it is, in a few words ("recruiting", "frontend engineering", "sales"). */
  kind: string;
  /** For description-based decisions: the skills that showed it (display names). */
  evidence: string[];
}

export const FAMILY_NAMES: Record<RoleFamily, string> = {
  ml_engineering: "ML engineering",
  ml_infrastructure: "ML infrastructure / platform",
  inference_serving: "inference and serving",
  applied_research: "applied / research engineering",
  data_science: "data science",
  ml_management: "ML engineering management",
  other: "other",
};

export const TARGET_FAMILIES: ReadonlySet<RoleFamily> = new Set<RoleFamily>([
  "ml_engineering",
  "ml_infrastructure",
  "inference_serving",
  "applied_research",
]);

interface TitleParts {
  /** The part of the title that names the role (split at commas, dashes, bars and brackets). */
  head: string;
  /** The other parts: teams, specialties, departments and locations. */
  qualifiers: string[];
  /** What the person is: the head, plus the first qualifier when the head is only "Manager" or "Director". */
  role: string;
  text: string;
}

function splitTitle(fullText: string): TitleParts {
  const text = fullText.replace(DOMAIN_NAME, "$1").replace(COMPANY_TAIL, "");
  const parts = text
    .split(/\s*(?:,|\s-\s|\s-(?=\S)|(?<=\S)-\s|\(|\)|\[|\]|:|;|\s\|\s)\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  // "AIML - Senior Machine Learning Engineer": a department may come before the role.
  const headIndex = Math.max(0, parts.findIndex((part) => ROLE_WORD.test(part)));
  const head = parts[headIndex] ?? "";
  const qualifiers = parts.filter((_, index) => index !== headIndex);
  const next = parts[headIndex + 1];
  const role = GENERIC_ROLE_HEAD.test(head) && next ? `${head} ${next}` : head;
  return { head, qualifiers, role, text };
}

/** Data words in the role, unless it is an engineering role on a data team ("Data Science Engineer"); analytics engineers are data people. */
const isDataScienceRole = (pattern: RegExp, head: string): boolean =>
  pattern.test(head) && !/\bengineers?\b/.test(head.replace(/\banalytics engineers?\b/, "analytics"));

const firstIndex = (pattern: RegExp, text: string, allowed: boolean): number | null => {
  if (!allowed) return null;
  const match = pattern.exec(text);
  return match ? match.index : null;
};

const firstMatch = (rules: ReadonlyArray<readonly [string, RegExp]>, text: string): string | null =>
  rules.find(([, pattern]) => pattern.test(text))?.[0] ?? null;

const ML_SKILL_FAMILIES: ReadonlySet<SkillFamily> = new Set<SkillFamily>([
  "inference_serving",
  "distributed_training",
  "ml_platform",
  "applied_domains",
  "frameworks",
]);
const NOT_ML_SPECIFIC: ReadonlySet<string> = new Set(["numpy", "pandas", "evaluation", "time-series"]);
const ML_PHRASE = /\b(?:[Mm]achine [Ll]earning|[Dd]eep [Ll]earning|ML|LLMs?|AI models?|[Nn]eural [Nn]etworks?|[Mm]odel [Tt]raining|[Tt]raining (?:and serving )?models)\b/g;

/**
 * Family from a description, for titles that name no specialty ("Software Engineer",
 * "Member of Technical Staff"): only a description clearly about building ML systems counts.
 */
export function familyFromDescription(description: string, skills: readonly SkillMention[] = matchSkills(description)): FamilyEvidence | null {
  const mentions = skills.filter((mention) => {
    const skill = SKILLS_BY_ID.get(mention.id);
    return skill !== undefined && ML_SKILL_FAMILIES.has(skill.family) && !NOT_ML_SPECIFIC.has(skill.id);
  });
  const mlPhrases = description.match(ML_PHRASE)?.length ?? 0;
  const buildsMl = mentions.filter((mention) => SKILLS_BY_ID.get(mention.id)?.family !== "applied_domains").length;
  if (mentions.length < 3 || buildsMl < 2 || mlPhrases < 2) return null;

  const weight = (families: readonly SkillFamily[]) =>
    mentions.reduce((sum, mention) => sum + (families.includes(SKILLS_BY_ID.get(mention.id)?.family ?? "languages") ? mention.count : 0), 0);
  const inference = weight(["inference_serving"]);
  const infrastructure = weight(["distributed_training", "ml_platform"]);
  const applied = weight(["applied_domains", "frameworks"]);
  const family: RoleFamily =
    inference > infrastructure && inference > applied
      ? "inference_serving"
      : infrastructure > applied
        ? "ml_infrastructure"
        : "ml_engineering";
  const evidence = mentions.slice(0, 4).flatMap((mention) => {
    const skill = SKILLS_BY_ID.get(mention.id);
    return skill ? [skillPhrase(skill)] : [];
  });
  return { family, category: "target", source: "description", kind: FAMILY_NAMES[family], evidence };
}

const fromTitle = (family: RoleFamily, category: FamilyEvidence["category"], kind: string): FamilyEvidence => ({
  family,
  category,
  source: "title",
  kind,
  evidence: [],
});

/**
 * Role family of a posting, from its title, and from its description when the title is a bare
 * "Software Engineer". `skills` are the description's skill mentions when the caller has them.
 */
export function classifyFamily(input: { title: string; description?: string | null }, skills?: readonly SkillMention[]): FamilyEvidence {
  const { head, qualifiers, role, text } = splitTitle(normalizeTitle(input.title).text);
  const mlTopic = ML_TOPIC.test(text);
  const strictMlRole = CORE_ML_ROLE.test(head);
  const coreMlRole = strictMlRole || RESEARCH_ROLE.test(head);

  if (!coreMlRole && isDataScienceRole(STRONG_DATA_SCIENCE, head)) {
    return fromTitle("data_science", "adjacent", MANAGEMENT.test(role) ? "data science management" : "data science");
  }

  // Customer-facing engineers stay customer-facing even with "ML" in the title ("Forward Deployed ML Engineer").
  const nonEngineering = /\bforward deployed\b/.test(text) ? "solutions and customer engineering" : coreMlRole ? null : firstMatch(NON_ENGINEERING, role);
  if (nonEngineering) return fromTitle("other", "other", nonEngineering);

  // "Principal Engineer, Machine Learning (Manager)": a bare management qualifier makes it a manager role.
  const managerQualifier = qualifiers.some((qualifier) => /^(?:people |engineering )?manag(?:er|ement)$/.test(qualifier));
  if ((MANAGEMENT.test(role) && !/\b(?:tech lead|technical lead)\b/.test(role) && !coreMlRole) || managerQualifier) {
    if (mlTopic || /\bresearch\b/.test(text)) return fromTitle("ml_management", "adjacent", "ML engineering management");
    if (DATA_SCIENCE.test(text)) return fromTitle("data_science", "adjacent", "data science management");
    return fromTitle("other", "other", "management outside ML");
  }

  const engineerNoun = ENGINEER_NOUN.test(head);
  const builderNoun = BUILDER_NOUN.test(head);
  if (!coreMlRole && isDataScienceRole(DATA_SCIENCE, head)) {
    return fromTitle("data_science", "adjacent", "data science");
  }
  if (!builderNoun && SCIENTIST_NOUN.test(head) && !TRAINEE_NOUN.test(head)) {
    return fromTitle("applied_research", "scientist", "research scientist");
  }

  // The role's own words ("Security Research Engineer") outweigh a research noun; team words only a generic role.
  const nonMlEngineering =
    (strictMlRole ? null : firstMatch(NON_ML_ENGINEERING, head)) ?? (coreMlRole ? null : firstMatch(NON_ML_ENGINEERING, qualifiers.join(", ")));
  if (nonMlEngineering) return fromTitle("other", "other", nonMlEngineering);

  const traineeOrEngineer = engineerNoun || TRAINEE_NOUN.test(text);
  if (traineeOrEngineer) {
    // A title naming several specialties ("ML Infrastructure & Serving") is about the one it names first.
    const candidates: Array<[RoleFamily, number | null]> = [
      ["inference_serving", firstIndex(INFERENCE_TOPIC, text, true) ?? firstIndex(SERVING, text, mlTopic)],
      ["applied_research", firstIndex(RESEARCH_TOPIC, text, true) ?? firstIndex(/\bresearch\b/, builderNoun ? text : head, true)],
      ["ml_infrastructure", firstIndex(INFRA_TOPIC, text, mlTopic || ML_ONLY_INFRA.test(text))],
    ];
    const specialty = candidates
      .filter((candidate): candidate is [RoleFamily, number] => candidate[1] !== null)
      .sort((a, b) => a[1] - b[1])[0];
    if (specialty) return fromTitle(specialty[0], "target", FAMILY_NAMES[specialty[0]]);
    if (mlTopic) return fromTitle("ml_engineering", "target", FAMILY_NAMES.ml_engineering);
  }

  const generic = GENERIC_ENGINEER_HEAD.test(head) && qualifiers.every((qualifier) => LOCATION_QUALIFIER.test(qualifier));
  if (generic && input.description) {
    const fromDescription = familyFromDescription(input.description, skills);
    if (fromDescription) return fromDescription;
  }
  return fromTitle("other", "other", engineerNoun ? "engineering outside ML" : "not an ML role");
}
