import { classifyFamily, FAMILY_NAMES, TARGET_FAMILIES, type FamilyEvidence } from "@/lib/normalize/family";
import { BELOW_TARGET_LEVELS, parseLevel, TARGET_LEVELS, type LevelEvidence } from "@/lib/normalize/level";
import { skillPhrase, SKILLS_BY_ID, type SkillFamily } from "@/lib/normalize/skill-taxonomy";
import { matchSkills, type SkillMention } from "@/lib/normalize/skills";
import { normalizeTitle } from "@/lib/normalize/title";
import type { RoleFit } from "@/lib/normalize/types";

export interface RoleInput {
  title: string;
  description?: string | null;
  /** matchSkills(description), when the caller has it already (normalizePosting scans a description once). */
  descriptionMentions?: SkillMention[];
}

/** Weights of the score, in one place so the reasons and the number agree. */
const SCORE = {
  targetFamily: 0.55,
  targetFamilyFromDescription: 0.5,
  levelInTitle: 0.35,
  levelInDescription: 0.25,
  levelNotStated: 0.12,
  perMlSkill: 0.02,
  maxSkillBonus: 0.08,
  belowLevel: 0.2,
  scientist: 0.35,
  adjacent: 0.3,
  other: 0.05,
  otherMentioningMl: 0.1,
} as const;

// Skill families that say something about ML work, cited in reasons before languages and cloud.
const ML_SKILL_FAMILIES: ReadonlySet<SkillFamily> = new Set<SkillFamily>(["inference_serving", "distributed_training", "ml_platform", "applied_domains", "frameworks"]);

const round = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;

/** Skills a description asks for, ML ones first (they say more about the role than "Python" or "AWS"). */
function describedSkills(mentions: readonly SkillMention[]): { phrases: string[]; mlCount: number } {
  const skills = mentions.flatMap((mention) => SKILLS_BY_ID.get(mention.id) ?? []);
  const ml = skills.filter((skill) => ML_SKILL_FAMILIES.has(skill.family));
  const rest = skills.filter((skill) => !ML_SKILL_FAMILIES.has(skill.family));
  return { phrases: [...ml, ...rest].map(skillPhrase), mlCount: ml.length };
}

/** "You will lead" → "you will lead", so a quoted phrase reads inside a reason. */
const sentenceCase = (phrase: string): string => phrase.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());

const listWords = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

function familyReason(title: string, family: FamilyEvidence, level: LevelEvidence): string {
  const levelPart = level.source === "title" ? `, ${level.level} level` : "";
  if (family.source === "description") {
    return `title says ${title}, description is about ${listWords(family.evidence)}: ${FAMILY_NAMES[family.family]}`;
  }
  switch (family.category) {
    case "target":
      return `title says ${title}: ${FAMILY_NAMES[family.family]}${levelPart}`;
    case "scientist":
      return `title says ${title}: research scientist role, adjacent to ML engineering${levelPart}`;
    case "adjacent":
      return `title says ${title}: ${family.kind}, adjacent to ML engineering${levelPart}`;
    case "other":
      return `title says ${title}: ${family.kind}, not an ML engineering role${levelPart}`;
  }
}

function levelReason(level: LevelEvidence, isTarget: boolean): string | null {
  if (level.source === "description") {
    const verdict = BELOW_TARGET_LEVELS.has(level.level) && isTarget ? ", below target level" : "";
    return `description says ${sentenceCase(level.phrase ?? "")}: ${level.level} level${verdict}`;
  }
  if (!isTarget) return null;
  if (level.source === "none") return "level not stated";
  if (BELOW_TARGET_LEVELS.has(level.level)) return `title says ${level.phrase}: below target level`;
  if (level.level === "director") return `title says ${level.phrase}: director level, a management role`;
  return null;
}

/**
 * Whether a posting is a senior+ ML engineering role, with a 0..1 score and the reasons a person
 * reads on the posting page. Transparent rules: family from the title (the description only for a
 * bare "Software Engineer"), level from the title or else the description.
 */
export function classifyRole(input: RoleInput): RoleFit {
  const title = normalizeTitle(input.title).display || input.title.trim();
  const mentions = input.descriptionMentions ?? (input.description ? matchSkills(input.description) : []);
  const family = classifyFamily(input, mentions);
  const level = parseLevel(input);
  const { phrases: skills, mlCount: mlSkillCount } = describedSkills(mentions);

  const isTarget = family.category === "target" && TARGET_FAMILIES.has(family.family);
  const levelFits = level.level === "unknown" || TARGET_LEVELS.has(level.level);
  const fit = isTarget && levelFits;

  let score: number;
  if (fit) {
    const levelWeight =
      level.source === "title" ? SCORE.levelInTitle : level.source === "description" ? SCORE.levelInDescription : SCORE.levelNotStated;
    const familyWeight = family.source === "title" ? SCORE.targetFamily : SCORE.targetFamilyFromDescription;
    score = familyWeight + levelWeight + Math.min(SCORE.maxSkillBonus, mlSkillCount * SCORE.perMlSkill);
  } else if (isTarget) {
    score = level.level === "intern" ? SCORE.belowLevel / 2 : SCORE.belowLevel;
  } else if (family.category === "scientist") {
    score = SCORE.scientist;
  } else if (family.category === "adjacent") {
    score = SCORE.adjacent;
  } else {
    score = mlSkillCount > 0 ? SCORE.otherMentioningMl : SCORE.other;
  }

  const reasons = [familyReason(title, family, level)];
  const aboutLevel = levelReason(level, isTarget);
  if (aboutLevel) reasons.push(aboutLevel);
  if (skills.length > 0 && (isTarget || mlSkillCount > 0)) reasons.push(`description asks for ${listWords(skills.slice(0, 5))}`);

  return { family: family.family, level: level.level, fit, score: round(score), reasons };
}
