/**
 * One Posting per job, however many boards and re-posts show it.
 *
 * dedupKey = companySlug : title key : location bucket
 *
 * - companySlug: the company name, ASCII-folded and lower-cased, legal suffixes dropped
 *   ("Acme, Inc." and "ACME GmbH" are both "acme"), so a company's Greenhouse and Ashby boards meet.
 * - title key: the title lower-cased and folded, with what boards add around the same role removed:
 *   gender markers ("(m/w/d)", "(f/m/x)", "(all genders)"), location/work-mode suffixes
 *   ("- Remote", "(London)", ", United States"), punctuation; level and field abbreviations are
 *   spelled one way ("Sr." → senior, "Machine Learning" → ml, "MLE" → ml engineer, "II" → 2).
 *   Word order and level are kept: "Senior ML Engineer" and "Staff ML Engineer" stay apart.
 * - location bucket: "remote:" + the sorted eligibility ("remote:US"; "remote:any" when unstated)
 *   for remote postings, else the country and city of the first place ("gb-london"), else the
 *   first country, else "any". So "Remote, US" and "Remote - United States" meet, while the same
 *   title in San Francisco and in New York (Greenhouse posts one per office) stays two postings.
 *
 * A re-post under a new id gets the same key and updates the existing Posting; the external ids
 * of every board live on as Sightings.
 */
import { createHash } from "node:crypto";
import { fold } from "@/lib/normalize/gazetteer";
import { isLocationPhrase } from "@/lib/normalize/location";
import { clipLine } from "@/lib/normalize/text-limits";
import type { LocationInfo, NormalizedPosting } from "@/lib/normalize/types";

const LEGAL_SUFFIXES = new Set(
  (
    "inc incorporated corp corporation co ltd limited llc llp lp plc pbc gmbh mbh ag kg ug se sa sas sarl srl spa " +
    "bv nv ab as asa oy oyj aps kk pte pty"
  ).split(" "),
);

/** What the company filter and /companies/<slug> accept. */
const MAX_SLUG_LENGTH = 80;

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}

/**
 * "Acme, Inc." → "acme"; "Zürich Labs GmbH" → "zurich-labs"; "Hinge (Match Group)" → "hinge".
 * A name with no Latin letters or digits ("字节跳动", "Яндекс") folds to nothing, and would share the
 * empty slug with every other such company: it gets "c-" and a hash of the name. A slug longer
 * than 80 characters keeps its start and ends in a hash, so it still fits the company URL and filter.
 */
export function companySlug(fullName: string): string {
  const name = clipLine(fullName);
  const words = fold(name.replace(/\([^)]*\)/g, " ").replace(/&/g, " and ")).split(" ").filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words.at(-1) ?? "")) words.pop();
  const slug = words.join("-") || fold(name).replace(/ /g, "-");
  if (!slug) return `c-${shortHash(name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim())}`;
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  return `${slug.slice(0, MAX_SLUG_LENGTH - 11).replace(/-+$/, "")}-${shortHash(slug)}`;
}

const GENDER_MARKER =
  /\(\s*(?:all\s+genders?|gn|[mwfdhx*]\s*(?:[/|,]\s*(?:[mwfdhx*]|div|i)\s*){1,3})\s*\)|\b[mwfdh]\s*\/\s*[mwfdh]\s*\/\s*(?:[dxi]|div)\b/gi;

const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/\bmachine learning\b/g, "ml"],
  [/\bartificial intelligence\b/g, "ai"],
  [/\bmles?\b/g, "ml engineer"],
  [/\bswes?\b/g, "software engineer"],
  [/\bsnr\b|\bsr\b/g, "senior"],
  [/\bjr\b/g, "junior"],
  [/\bengr\b|\beng\b/g, "engineer"],
  [/\bmgr\b/g, "manager"],
  [/\bii\b/g, "2"],
  [/\biii\b/g, "3"],
  [/\biv\b/g, "4"],
];

/** Drop trailing "- Remote", "(London, UK)", ", United States" while what is left still has words. */
function withoutPlaceSuffixes(title: string): string {
  let current = title.trim();
  for (;;) {
    const suffix = /^(.+?)\s*[([]([^()[\]]*)[)\]]$/.exec(current) ?? /^(.+)(?:\s+[-–—|]\s+|,\s*)(.+)$/.exec(current);
    const [, head, tail] = suffix ?? [];
    if (!head?.trim() || !tail || !isLocationPhrase(tail)) return current;
    current = head.trim();
  }
}

/** A letter of any script but Latin (Han, Cyrillic, Greek, Arabic, ...). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * The title as the dedup key sees it: "Sr. Machine Learning Engineer (m/w/d) - Remote" → "senior ml engineer".
 * Titles with letters of other scripts keep them ("机器学习工程师" and "数据科学家" folded to the same
 * empty key, so one company's jobs at one place merged into one posting).
 */
export function titleKey(fullTitle: string): string {
  const title = withoutPlaceSuffixes(clipLine(fullTitle).replace(GENDER_MARKER, " ").replace(/\s+/g, " "));
  let key = NON_LATIN_LETTER.test(title)
    ? title.normalize("NFKC").toLowerCase().replace(/&/g, " and ").replace(/[^\p{L}\p{N}+#]+/gu, " ")
    : title
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/&/g, " and ")
        .replace(/[^a-z0-9+#]+/g, " ");
  for (const [pattern, spelling] of SPELLINGS) key = key.replace(pattern, spelling);
  return key.replace(/\s+/g, " ").trim().slice(0, 200);
}

export function locationBucket(location: Pick<LocationInfo, "remote" | "remoteRegions" | "locations" | "countries">): string {
  if (location.remote === "remote") return `remote:${[...location.remoteRegions].sort().join("+") || "any"}`;
  const place = location.locations.find((candidate) => candidate.city) ?? location.locations.find((candidate) => candidate.country);
  if (place?.city) return `${(place.country ?? "").toLowerCase()}-${fold(place.city).replace(/ /g, "-")}`;
  return place?.country?.toLowerCase() ?? location.countries[0]?.toLowerCase() ?? "any";
}

export interface DedupInput {
  companySlug: string;
  title: string;
  location: Pick<LocationInfo, "remote" | "remoteRegions" | "locations" | "countries">;
}

export function dedupKey({ companySlug: slug, title, location }: DedupInput): string {
  return `${slug}:${titleKey(title)}:${locationBucket(location)}`;
}

/** What a person sees of a posting; a change in any of it is a change worth writing. */
export type ContentFields = Pick<NormalizedPosting, "title" | "locations" | "salary" | "descriptionText" | "applyUrl">;

/** JSON with object keys sorted and undefined dropped, so equal content always serializes equally. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

/** sha256 (hex) over the visible fields only; other keys of the argument are ignored. */
export function contentHash(fields: ContentFields): string {
  const { title, locations, salary, descriptionText, applyUrl } = fields;
  // The long description is hashed as is, after the small fields, rather than escaped into JSON.
  return createHash("sha256")
    .update(canonicalJson({ title, locations, salary, applyUrl }))
    .update("\u0000")
    .update(descriptionText)
    .digest("hex");
}
