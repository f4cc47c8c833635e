import { SKILLS, SKILLS_BY_ID, type Skill } from "@/lib/normalize/skill-taxonomy";

export interface SkillMention {
  id: string;
  count: number;
  /** Offset of the first mention, to break ties in favour of what the text says first. */
  firstIndex: number;
}

interface Hit {
  id: string;
  index: number;
  end: number;
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const aliasKey = (text: string): string => text.toLowerCase().replace(/[\s-]+/g, "");

/** Longest first, so "Julia" is tried before a shorter alias at the same place. */
const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const SEPARATOR = " ";

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * Aliases as one prefix tree, so the regex engine follows a path instead of trying hundreds of
 * alternatives at every offset; a space or hyphen inside an alias matches a space, a hyphen or nothing.
 */
function trieRegExpSource(aliases: readonly string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const alias of aliases) {
    let node = root;
    for (const unit of alias.toLowerCase().replace(/[\s-]+/g, SEPARATOR)) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), terminal: false };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children].map(([unit, child]) => (unit === SEPARATOR ? "[\\s-]?" : escapeRegExp(unit)) + emit(child));
    if (branches.length === 0) return "";
    const group = branches.length === 1 ? branches[0] ?? "" : `(?:${branches.join("|")})`;
    // Longer aliases first: the optional group is tried before stopping here.
    return node.terminal ? `(?:${group})?` : group;
  };
  return emit(root);
}

const insensitiveIds = new Map<string, string>();
for (const skill of SKILLS) {
  for (const alias of skill.aliases) {
    insensitiveIds.set(aliasKey(alias), skill.id);
    // The alias exactly as written too: most matches are, and then no key has to be built.
    insensitiveIds.set(alias.toLowerCase(), skill.id);
  }
}

const sensitiveSkills = new Map<string, Skill>();
for (const skill of SKILLS) {
  for (const alias of skill.caseSensitiveAliases ?? []) sensitiveSkills.set(alias, skill);
}

// One pass per regex over the text; a leading \b lets the engine skip most offsets quickly.
const INSENSITIVE = new RegExp(`\\b${trieRegExpSource(SKILLS.flatMap((skill) => skill.aliases))}(?![a-z0-9_+#\\u00c0-\\uffff])`, "g");

const SENSITIVE = new RegExp(
  `\\b(?:${[...sensitiveSkills.keys()].sort(byLengthDesc).map(escapeRegExp).join("|")})(?![A-Za-z0-9_+#&'’\\u00c0-\\uffff-])`,
  "g",
);

/** \b treats "+", "#", "." and accented letters as boundaries; these must not precede a skill name. */
const GLUED_BEFORE = /[+#\u00c0-\uffff]/;
const GLUED_BEFORE_SENSITIVE = /[+#&'’./\u00c0-\uffff-]/;

const LANGUAGE_LEAD_IN = /\b(?:in|using|with|of|write|writing|written in|proficiency in|proficient in|languages?:?|such as|like|e\.g\.,?|including)\s*$/i;
const PHRASAL_VERB_AFTER = /^[\s-]+(?:to|live|ahead|back|beyond|further|for|get|out|on|through|above|deeper|big|far|all)\b/i;
const ENDS_A_LIST_ITEM = /^\s*(?:$|[,.;:/)]|and\b|or\b|\()/i;
const LIST_NEIGHBOUR = /(?:[,/(]|\band\b|\bor\b)\s*$/i;
const LIST_FOLLOWER = /^\s*(?:[,/)]|and\b|or\b)/i;

/** Position of the first hit ending after `offset`; hits come from one regex pass, so they are sorted and disjoint. */
function firstEndingAfter(hits: readonly Hit[], offset: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((hits[middle]?.end ?? 0) > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The hits that touch [from, to). */
function* hitsWithin(hits: readonly Hit[], from: number, to: number): Generator<Hit> {
  for (let position = firstEndingAfter(hits, from); position < hits.length; position += 1) {
    const hit = hits[position];
    if (!hit || hit.index >= to) return;
    yield hit;
  }
}

/** Another hit of the given kind within `distance` characters of a candidate. */
function hasNeighbour(hitLists: ReadonlyArray<readonly Hit[]>, index: number, end: number, distance: number, accept: (id: string) => boolean): boolean {
  for (const hits of hitLists) {
    for (const hit of hitsWithin(hits, index - distance - 1, end + distance + 1)) if (accept(hit.id)) return true;
  }
  return false;
}

const isLanguage = (id: string): boolean => SKILLS_BY_ID.get(id)?.family === "languages";

function acceptsInContext(skill: Skill, text: string, index: number, end: number, hits: ReadonlyArray<readonly Hit[]>): boolean {
  const before = text.slice(Math.max(0, index - 30), index);
  const after = text.slice(end, end + 30);
  if (skill.context === "language") {
    if (PHRASAL_VERB_AFTER.test(after)) return false;
    const besideLanguage =
      (LIST_NEIGHBOUR.test(before) || LIST_FOLLOWER.test(after)) && hasNeighbour(hits, index, end, 40, isLanguage);
    return besideLanguage || (LANGUAGE_LEAD_IN.test(before) && ENDS_A_LIST_ITEM.test(after));
  }
  if (skill.context === "list") {
    return (LIST_NEIGHBOUR.test(before) || LIST_FOLLOWER.test(after)) && hasNeighbour(hits, index, end, 40, (id) => id !== skill.id);
  }
  return true;
}

/** Runs a global pattern, skipping matches glued to a preceding "+", "#" or accented letter. */
function scan(pattern: RegExp, text: string, gluedBefore: RegExp, onMatch: (index: number, matched: string) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const previous = text[match.index - 1];
    if (previous !== undefined && gluedBefore.test(previous)) pattern.lastIndex = match.index + 1;
    else onMatch(match.index, match[0]);
  }
}

/** Every mention of a taxonomy skill, most mentioned first. */
export function matchSkills(text: string): SkillMention[] {
  return rankMentions(hitsIn(text));
}

function hitsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  scan(INSENSITIVE, text.toLowerCase(), GLUED_BEFORE, (index, matched) => {
    const id = insensitiveIds.get(matched) ?? insensitiveIds.get(aliasKey(matched));
    if (id) hits.push({ id, index, end: index + matched.length });
  });
  const contextual: Hit[] = [];
  scan(SENSITIVE, text, GLUED_BEFORE_SENSITIVE, (index, matched) => {
    const skill = sensitiveSkills.get(matched);
    const end = index + matched.length;
    // "Triton Inference Server" is already one hit; its "Triton" must not count twice.
    const overlaps = !hitsWithin(hits, index, end).next().done;
    if (skill && !overlaps && acceptsInContext(skill, text, index, end, [hits, contextual])) contextual.push({ id: skill.id, index, end });
  });
  return [...hits, ...contextual];
}

function rankMentions(hits: Iterable<Pick<Hit, "id" | "index">>): SkillMention[] {
  const mentions = new Map<string, SkillMention>();
  for (const hit of hits) {
    const known = mentions.get(hit.id);
    if (known) {
      known.count += 1;
      known.firstIndex = Math.min(known.firstIndex, hit.index);
    } else {
      mentions.set(hit.id, { id: hit.id, count: 1, firstIndex: hit.index });
    }
  }
  return [...mentions.values()].sort(byMentions);
}

/** Most mentioned first; ties: first mentioned first. */
function byMentions(a: SkillMention, b: SkillMention): number {
  return b.count - a.count || a.firstIndex - b.firstIndex;
}

/** Skill slugs mentioned in the text, most mentioned first (ties: first mentioned first). */
export function extractSkills(text: string): string[] {
  return matchSkills(text).map((mention) => mention.id);
}

/**
 * extractSkills of a title and its description, reusing the description's mentions (its scan is
 * most of the cost). Each part is scanned on its own, so no context spans from title to description.
 */
export function extractPostingSkills(title: string, descriptionMentions: readonly SkillMention[]): string[] {
  // The description comes after the title, as if the two were one text.
  const offset = title.length + 1;
  const mentions = new Map(rankMentions(hitsIn(title)).map((mention) => [mention.id, mention]));
  for (const mention of descriptionMentions) {
    const inTitle = mentions.get(mention.id);
    if (inTitle) inTitle.count += mention.count;
    else mentions.set(mention.id, { ...mention, firstIndex: offset + mention.firstIndex });
  }
  return [...mentions.values()].sort(byMentions).map((mention) => mention.id);
}
