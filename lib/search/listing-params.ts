import { z } from "zod";
import {
  ARRAY_FIELDS,
  BOOLEAN_FIELDS,
  FILTER_FIELDS,
  cursorSchema,
  postingFilterSchema,
  type Cursor,
  type PostingFilter,
} from "./schemas";
import { nearest } from "./nearest";

/** A parameter we did not use, and why: shown on the page and returned by the API. */
export interface IgnoredParam {
  param: string;
  value: string;
  reason: string;
}

export interface ListingParams {
  filter: PostingFilter;
  cursor: Cursor | null;
  ignored: IgnoredParam[];
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const OTHER_PARAMS = ["cursor"] as const;
const KNOWN = [...FILTER_FIELDS, ...OTHER_PARAMS] as string[];
const MAX_VALUE_LENGTH = 200;
const MAX_PARAMS = 60;
const TRUE_VALUES = new Set(["1", "true", "on", "yes"]);
const FALSE_VALUES = new Set(["0", "false", "off", "no"]);

function entries(params: RawParams): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  // Only strings: Next.js builds the object with `obj[key]`, so `?toString=1` arrives as [Object.prototype.toString, "1"].
  return Object.entries(params).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string").map((v): [string, string] => [key, v]),
  );
}

export function suggestParam(name: string): string | undefined {
  return nearest(name, KNOWN);
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** The first issue's message, with the option a misspelled choice meant ("seniro": "senior"). */
function firstIssue(error: z.ZodError, schema?: z.ZodType, value?: string): string {
  const message = error.issues[0]?.message ?? "is not valid";
  const suggestion = schema instanceof z.ZodEnum && value !== undefined ? nearest(value, schema.options as string[]) : undefined;
  return suggestion ? `${message} (did you mean "${suggestion}"?)` : message;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Parse listing URL parameters with the filter schema, field by field, so one bad value drops
 * only itself. Never throws: everything not used is reported in `ignored`.
 */
export function parseListingParams(params: RawParams): ListingParams {
  const ignored: IgnoredParam[] = [];
  const grouped = new Map<string, string[]>();
  let count = 0;
  for (const [key, value] of entries(params)) {
    count += 1;
    if (count > MAX_PARAMS) {
      ignored.push({ param: key, value: clip(value), reason: `too many parameters (at most ${MAX_PARAMS})` });
      continue;
    }
    if (!KNOWN.includes(key)) {
      const suggestion = suggestParam(key);
      ignored.push({ param: key, value: clip(value), reason: suggestion ? `unknown parameter (did you mean "${suggestion}"?)` : "unknown parameter" });
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      ignored.push({ param: key, value: clip(value), reason: `longer than ${MAX_VALUE_LENGTH} characters` });
      continue;
    }
    if (value.trim() === "") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }

  const filter: Record<string, unknown> = {};
  const shape = postingFilterSchema.shape;
  for (const [key, values] of grouped) {
    if (key === "cursor") continue;
    const field = key as keyof PostingFilter;
    if ((ARRAY_FIELDS as readonly string[]).includes(field)) {
      const element = (shape[field] as unknown as z.ZodOptional<z.ZodArray<z.ZodType>>).unwrap().element;
      const kept: unknown[] = [];
      for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)) {
        const parsed = element.safeParse(value);
        if (!parsed.success) ignored.push({ param: key, value: clip(value), reason: firstIssue(parsed.error, element, value) });
        else if (!kept.includes(parsed.data)) kept.push(parsed.data);
      }
      const whole = shape[field].safeParse(kept.length ? kept : undefined);
      if (whole.success && whole.data !== undefined) filter[field] = whole.data;
      else if (!whole.success) ignored.push({ param: key, value: clip(values.join(",")), reason: firstIssue(whole.error) });
      continue;
    }
    const [value, ...repeated] = values as [string, ...string[]];
    for (const extra of repeated) ignored.push({ param: key, value: clip(extra), reason: "given more than once; the first value is used" });
    if ((BOOLEAN_FIELDS as readonly string[]).includes(field)) {
      const lower = value.toLowerCase();
      if (TRUE_VALUES.has(lower)) filter[field] = true;
      else if (!FALSE_VALUES.has(lower)) ignored.push({ param: key, value: clip(value), reason: "must be 1 or 0" });
      continue;
    }
    const parsed = shape[field].safeParse(value);
    if (parsed.success) filter[field] = parsed.data;
    else ignored.push({ param: key, value: clip(value), reason: firstIssue(parsed.error, shape[field].unwrap(), value) });
  }

  if (filter.withoutSalary && filter.salaryMin === undefined) {
    delete filter.withoutSalary;
    ignored.push({ param: "withoutSalary", value: "1", reason: "only applies together with salaryMin" });
  }

  let cursor: Cursor | null = null;
  const cursorValues = grouped.get("cursor");
  if (cursorValues?.[0]) {
    cursor = decodeCursor(cursorValues[0]);
    if (!cursor) ignored.push({ param: "cursor", value: clip(cursorValues[0]), reason: "is not a valid page cursor; showing the first page" });
  }
  // The pieces were each validated; the whole is checked once more so saved searches get the same object.
  return { filter: postingFilterSchema.parse(filter), cursor, ignored };
}

/** The URL query string for a filter (and optional cursor): canonical key order, arrays repeated. */
export function filterToSearchParams(filter: PostingFilter, cursor?: Cursor | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params.append(field, String(item));
    else params.set(field, value === true ? "1" : String(value));
  }
  if (cursor) params.set("cursor", encodeCursor(cursor));
  return params;
}

/** The listing's path for a filter (and optional cursor). */
export function listingPath(filter: PostingFilter, cursor?: Cursor | null): string {
  const query = filterToSearchParams(filter, cursor).toString();
  return query ? `/?${query}` : "/";
}

/** The Atom feed's path for a filter: the same parameters as the listing. */
export function feedPath(filter: PostingFilter): string {
  const query = filterToSearchParams(filter).toString();
  return `/feed.xml${query ? `?${query}` : ""}`;
}
