import { PayloadError, rawPostingSchema, type RawPosting } from "@/scrapers/types";
import { storableText, storableValue } from "@/lib/normalize/text-limits";
import { formatPath } from "@/scrapers/shared/payload";

/** Collapses whitespace runs (titles with double spaces, trailing blanks) into single spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Trimmed text, or undefined when the board sent nothing useful. */
export function optionalText(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** Distinct non-empty strings, first occurrence kept. */
export function uniqueStrings(values: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const text = value ? singleLine(value) : "";
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    result.push(text);
  }
  return result;
}

/** "City, Region, Country" from parts, skipping empty and repeated parts. */
export function formatPlace(...parts: ReadonlyArray<string | null | undefined>): string | undefined {
  const place = uniqueStrings(parts).join(", ");
  return place || undefined;
}

/** An absolute http(s) URL, resolved against base when relative; undefined for anything else. */
export function httpUrl(value: string | null | undefined, base?: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first non-empty of the payload's company name, the source's company name, the token. */
export function companyName(...candidates: ReadonlyArray<string | null | undefined>): string | undefined {
  for (const candidate of candidates) {
    const name = candidate ? singleLine(candidate) : "";
    if (name) return name;
  }
  return undefined;
}

/** How deep board leftovers in `raw` may nest; below that they are cut (null). */
const RAW_DEPTH = 8;

/**
 * `raw` keeps loose parts of a payload (custom fields, addresses) for reference. A payload can nest
 * them thousands deep, and such JSON cannot be serialized (RangeError) or stored, so it is cut.
 */
function boundedRaw(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storableText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= RAW_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => boundedRaw(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), boundedRaw(item, depth + 1)]));
}

/**
 * Every text of a posting as it may be stored: readJson and readXml already fix the payload's
 * strings, but parsers also build text of their own (HTML decoded from entities, where "&#0;" may
 * hide a NUL), and this is the one place all of it passes.
 */
function storablePosting(posting: RawPosting): RawPosting {
  const fixed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(posting)) fixed[key] = key === "raw" ? boundedRaw(value) : storableValue(value);
  return fixed as RawPosting;
}

function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** Last check before postings leave a parser: every one must satisfy the RawPosting contract. */
export function checkPostings(board: string, postings: RawPosting[]): RawPosting[] {
  return postings.map((posting, index) => {
    const result = rawPostingSchema.safeParse(storablePosting(posting));
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue ? formatPath(issue.path) : "posting";
    const message = (issue?.message ?? "invalid").replace(/^Invalid input: /, "");
    // The id is the board's text: clipped, so a hostile one cannot swamp the run's recorded error.
    throw new PayloadError(
      `${board} payload: posting ${index} (${clip(posting.externalId || "no id")}): ${field}: ${message}`,
      { cause: result.error },
    );
  });
}

/** Drops repeats of an item (boards repeat items across pages when the listing shifts mid-run). */
export function uniqueBy<Item>(items: Item[], key: (item: Item) => string): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
