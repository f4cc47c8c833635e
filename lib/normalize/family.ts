import { skillPhrase, SKILLS_BY_ID, type SkillFamily } from "@/lib/normalize/skill-taxonomy";
import { matchSkills } from "@/lib/normalize/skills";
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

// Machine-learning subject matter, as titles name it (after normalizeTitle's translations and expansions).
const ML_TOPIC =
  /\b(?:machine learning|applied science|deep learning|ai|artificial intelligence|llm|generative ai|nlp|natural language|computer vision|vision|perception|speech|audio ml|recommendations?|recommender|recsys|ranking|relevance|personali[sz]ation|reinforcement learning|rl|neural|mlops|llmops|multimodal|pretraining|pre training|post training|posttraining|alignment|interpretability|prompt engineer(?:ing)?|agentic|agents|autonomous agents?|ai agents?|pytorch|tensorflow|jax|tensorrt|vllm|onnx|cudnn|nccl|triton|deepspeed|megatron|kubeflow|mlflow|robot learning|embodied|foundation models?|language models?|reward models?|frontier models?|diffusion|model (?:training|serving|inference|evaluation|quality|optimi[sz]ation|deployment|behaviou?rs?|performance|efficiency)|evals?|gpus?|tpus?|cuda|accelerators?|inference|distributed training|large scale training|training (?:infrastructure|infra|platforms?|systems|clusters?|runtime|efficiency|performance)|feature stores?|feature platform)\b/;

const INFERENCE_TOPIC =
  /\b(?:tensorrt|vllm|triton inference|onnx runtime|(?<!causal |statistical |bayesian |variational )inference|model (?:serving|deployment|optimi[sz]ation))\b/;

/** "Serving" alone ("Ads Serving") is ML serving only beside an ML topic. */
const SERVING = /\bserving\b/;

const RESEARCH_TOPIC =
  /\bresearch (?:software )?engineer|\bengineer,? (?:machine learning |ai )?research\b|\b(?:machine learning|ai|applied) research\b|\bresearch(?: engineering)?\b(?=.*\bengineer)|\b(?:pretraining|pre training|post training|posttraining|alignment|interpretability|science of scaling|reward models?|frontier|safety research|agi)\b/;

const INFRA_TOPIC =
  /\b(?:infrastructure|infra|platforms?|mlops|llmops|devops|tooling|compute|clusters?|accelerat(?:or|ors|ion)|gpus?|tpus?|cuda|(?:gpu|tpu|cuda|machine learning|ai|triton) kernels?|kernel engineer|compilers?|networking|reliability|sre|efficiency|performance|hpc|supercomput\w*|(?:machine learning|ai|training|distributed|inference|learning) systems|distributed training|training (?:infrastructure|infra|platforms?|systems|clusters?)|feature stores?|feature platform|data engineer(?:ing)?)\b/;

/** Infra words that are about ML on their own; other infra words need an ML topic beside them. */
const ML_ONLY_INFRA = /\b(?:mlops|llmops|cudnn|nccl|deepspeed|megatron|kubeflow|mlflow|accelerat(?:or|ors|ion)|gpus?|tpus?|cuda|(?:gpu|tpu|cuda|triton) kernels?)\b/;

// Role nouns that make a title an engineering job.
const ENGINEER_NOUN =
  /\b(?:engineers?|engineering|developers?|programmer|member of technical staff|hacker|architect|technologist|tech lead|technical lead|team lead|lead|swe|sde)\b/;

/** Engineering nouns strict enough to make "Research Scientist / Engineer" an engineering role. */
const BUILDER_NOUN = /\b(?:engineers?|developers?|programmer|member of technical staff|hacker|swe|sde)\b/;

const SCIENTIST_NOUN = /\b(?:scientists?|researchers?|research)\b/;

/** Titles for people in training programmes, which carry a topic but no engineering noun. */
const TRAINEE_NOUN = /\b(?:interns?|internships?|students?|apprentice(?:ship)?|residen(?:t|cy)|fellow(?:ship)?|graduates?|trainee|co op)\b/;

/** Non-engineering roles, read from the role part of the title: who the person is, not the team. */
const NON_ENGINEERING: ReadonlyArray<readonly [string, RegExp]> = [
  ["recruiting", /\b(?:recruit(?:er|ers|ing|ment)|talent (?:acquisition|partner|sourcer|scout)|sourcer|headhunter)\b/],
  ["sales", /\b(?:sales|account executives?|account managers?|account directors?|business development|bdr|sdr|go to market|gtm|customer success|pre[- ]?sales|partnerships?|partner (?:manager|lead|director)|reseller|inside sales)\b/],
  ["solutions and customer engineering", /\b(?:solutions? (?:architects?|architecture|engineers?|engineering|consultants?|specialists?|leads?|managers?)|sales engineers?|field engineer(?:ing)?|forward deployed|deployment (?:strategist|lead|manager|specialist)|technical deployment|ai deployment|customer engineer(?:ing)?|implementation (?:engineer|consultant|specialist|manager)|technical account manager|support engineer(?:ing)?|technical support|developer (?:advocate|relations|evangelist)|devrel|evangelist|advocate|consultants?|integration specialist)\b/],
  ["product management", /\b(?:product manag(?:er|ers|ement)|product owner|product lead|head of product|director of product|vice president,? (?:of )?product|product director|product operations|apm|group product|research product manager)\b|^pm\b/],
  ["program management", /\b(?:program(?:me)? manag(?:er|ement)|project manag(?:er|ement)|tpm|scrum master|delivery manager|chief of staff|pmo)\b/],
  ["design", /\b(?:designers?|design lead|design director|ux|user research(?:er)?|design engineer)\b/],
  ["writing and content", /\b(?:technical writer|writers?|editor|copywriter|content (?:strategist|creator|manager|designer|lead|reviewer|moderator)|documentation|curriculum|instructional)\b/],
  ["marketing and communications", /\b(?:marketing|communications?|brand|social media|public relations|events?|community|campaigns?|growth marketing|paid media|seo)\b/],
  ["legal", /\b(?:counsel|attorney|lawyer|legal|paralegal|compliance|privacy officer|regulatory|patent agent)\b/],
  ["finance and accounting", /\b(?:revenue|accountant|accounting|finance|financial|controller|tax|payroll|treasury|fp&a|auditor|billing specialist|procurement|purchasing)\b/],
  ["people and workplace", /\b(?:people (?:partner|operations|business partner|program)|human resources|hr|hrbp|benefits|workplace|facilities|office manager|executive assistant|assistant|coordinator|receptionist|immigration|mobility|learning and development|l&d)\b/],
  ["operations and strategy", /\b(?:operations (?:manager|lead|specialist|associate|analyst)|operations$|strategy|bizops|business operations|chief operating)\b/],
  ["policy, trust and safety", /\b(?:policy|trust (?:and|&) safety|content moderat\w*|investigator|threat intelligence|fraud analyst|enforcement)\b/],
  ["support", /\b(?:support (?:specialist|representative|agent|technician|associate)|customer support|customer service|help ?desk|it support|service desk)\b/],
  ["data annotation and training", /\b(?:annotators?|labelers?|labellers?|raters?|ai trainers?|trainers?|tutors?|data labeling)\b/],
  ["creative", /\b(?:artists?|animator|videographer|video (?:producer|editor|director)|producer|photographer|illustrator|motion)\b/],
  ["economics", /\b(?:economist|economic research)\b/],
];

/** Engineering specialties that are not ML engineering even on an ML team or at an AI company. */
const NON_ML_ENGINEERING: ReadonlyArray<readonly [string, RegExp]> = [
  ["frontend engineering", /\b(?:frontend|front end|ui|web|javascript|react|typescript)\b/],
  ["full-stack engineering", /\b(?:fullstack|full stack)\b/],
  ["mobile engineering", /\b(?:ios|android|mobile|flutter)\b/],
  ["security engineering", /\b(?:security|appsec|offensive|detection (?:and|&) response|red team|grc)\b/],
  ["quality engineering", /\b(?:qa|quality assurance|test|testing|sdet)\b/],
  ["hardware engineering", /\b(?:hardware|mechanical|electrical|firmware|embedded|asic|fpga|rf|analog|pcb|datacenter|data center|facility|controls|nuclear|civil|chemical|optical)\b/],
  ["IT", /\b(?:it|sysadmin|systems administrator|helpdesk|network engineer|audiovisual)\b/],
  ["business systems", /\b(?:salesforce|sap|erp|business systems|netsuite|workday|servicenow)\b/],
  ["game engineering", /\b(?:gameplay|game engine|unity|unreal)\b/],
];

/** An ML topic directly before the role noun: "ML Engineer", "Computer Vision Engineer", "AI/ML Developer". */
const CORE_ML_ROLE =
  /\b(?:machine learning|deep learning|ai|llm|generative ai|nlp|computer vision|mlops|perception|speech|recommendations?|recommender|reinforcement learning)\s*(?:\/\s*[a-z]+\s*)?(?:engineers?|developers?|engineering lead|lead)\b/;

/** "Research Engineer": an ML role for the team words after it, but not over "Security" before it. */
const RESEARCH_ROLE = /\bresearch\s*(?:\/\s*[a-z]+\s*)?(?:software )?(?:engineers?|developers?|engineering lead|lead)\b/;

const DATA_SCIENCE =
  /\b(?:data scien(?:ce|tists?)|decision scien(?:ce|tists?)|analytics|(?:data|product|marketing|bi|insights|reporting|growth|quant|quantitative|people|customer) analysts?|statisticians?|biostatisticians?|quant(?:itative)?(?: researchers?| analysts?| developers?)?|business intelligence|bi developer)\b/;

/** Data words that decide the family even beside "Marketing" or "Manager" ("Marketing Data Analyst", "Data Science Manager"). */
const STRONG_DATA_SCIENCE = /\b(?:data scien(?:ce|tists?)|data analysts?|analytics|statisticians?|decision scien(?:ce|tists?)|business intelligence)\b/;

const MANAGEMENT = /\b(?:manager|management|director|head of|vice president|chief|cto|tlm)\b|^head\b|\bhead,/;

// Manager titles whose manager word names the job, not a people manager ("Product Manager").
const GENERIC_ROLE_HEAD = /^(?:(?:senior|principal|associate|group|general|regional|global)\s+)*(?:manager|director|head|lead|vice president|head of)$/;

/** Location or work-arrangement tails glued onto titles ("- Berlin", "(Remote)", "| US"). */
const LOCATION_QUALIFIER =
  /^(?:remote|hybrid|on ?site|in ?office|anywhere|worldwide|global|us|usa|u\.s\.|united states|uk|eu|europe|emea|apac|latam|americas|north america|canada|germany|france|spain|portugal|india|japan|singapore|israel|australia|netherlands|switzerland|ireland|poland|brazil|mexico|[a-z .]+ remote|remote [a-z .]+|new york|nyc|san francisco|sf|bay area|seattle|austin|boston|chicago|los angeles|denver|toronto|vancouver|montreal|london|berlin|munich|hamburg|paris|amsterdam|dublin|zurich|madrid|barcelona|lisbon|warsaw|stockholm|copenhagen|tel aviv|bangalore|bengaluru|hyderabad|tokyo|seoul|sydney|sao paulo|full time|part time|contract|permanent|[a-z]{2})$/;

const GENERIC_ENGINEER_HEAD =
  /^(?:(?:senior|staff|principal|lead|junior|mid|founding|experienced)\s+)*(?:software |backend |founding |product |generalist )?(?:engineer|developer|engineering|member of technical staff|swe|sde)(?:\s+(?:iv|v|i{1,3}|[1-5]|l\d|e\d))?$/;

interface TitleParts {
  /** The role, before the first comma, dash, bar or bracket. */
  head: string;
  /** Teams, specialties and locations after it. */
  qualifiers: string[];
  /** What the person is: the head, plus the first qualifier when the head is only "Manager" or "Director". */
  role: string;
  text: string;
}

// "Backend Engineer @ Acme AI", "Engineer at Mistral AI", "Claude.ai": a company or product name says nothing about the role.
const COMPANY_TAIL = /\s(?:@|at)\s.*$/;
const DOMAIN_NAME = /\b([a-z0-9]+)\.(?:ai|io|com|co|dev)\b/g;

/** A word that names what a person is, as opposed to a team, place or department. */
const ROLE_WORD =
  /\b(?:engineers?|engineering|developers?|programmer|scientists?|researchers?|research|analysts?|manager|management|director|head|lead|leader|president|officer|architect|designer|writer|recruiter|executive|representative|specialist|consultant|interns?|internship|student|counsel|accountant|coordinator|assistant|advocate|evangelist|member of technical staff|owner|strategist|partner|trainer|tutor|statistician|technician|administrator|associate|fellow|apprentice)\b/;

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
export function familyFromDescription(description: string): FamilyEvidence | null {
  const mentions = matchSkills(description).filter((mention) => {
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

/** Role family of a posting, from its title, and from its description when the title is a bare "Software Engineer". */
export function classifyFamily(input: { title: string; description?: string | null }): FamilyEvidence {
  const { head, qualifiers, role, text } = splitTitle(normalizeTitle(input.title).text);
  const mlTopic = ML_TOPIC.test(text);
  const strictMlRole = CORE_ML_ROLE.test(head);
  const coreMlRole = strictMlRole || RESEARCH_ROLE.test(head);

  if (!coreMlRole && STRONG_DATA_SCIENCE.test(head) && !BUILDER_NOUN.test(head.replace(/\banalytics engineer/, ""))) {
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
  if (!coreMlRole && DATA_SCIENCE.test(head) && !(/\bengineer/.test(head) && !/\banalytics engineer/.test(head))) {
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
    const specialties: Array<[RoleFamily, number]> = [
      ["inference_serving", firstIndex(INFERENCE_TOPIC, text, true) ?? firstIndex(SERVING, text, mlTopic)],
      ["applied_research", firstIndex(RESEARCH_TOPIC, text, true) ?? firstIndex(/\bresearch\b/, builderNoun ? text : head, true)],
      ["ml_infrastructure", firstIndex(INFRA_TOPIC, text, mlTopic || ML_ONLY_INFRA.test(text))],
    ].flatMap(([family, index]) => (index === null ? [] : [[family, index] as [RoleFamily, number]]));
    const specialty = specialties.sort((a, b) => a[1] - b[1])[0];
    if (specialty) return fromTitle(specialty[0], "target", FAMILY_NAMES[specialty[0]]);
    if (mlTopic) return fromTitle("ml_engineering", "target", FAMILY_NAMES.ml_engineering);
  }

  const generic = GENERIC_ENGINEER_HEAD.test(head) && qualifiers.every((qualifier) => LOCATION_QUALIFIER.test(qualifier));
  if (generic && input.description) {
    const fromDescription = familyFromDescription(input.description);
    if (fromDescription) return fromDescription;
  }
  return fromTitle("other", "other", engineerNoun ? "engineering outside ML" : "not an ML role");
}
