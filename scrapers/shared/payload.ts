import type { z } from "zod";
import { storableText } from "@/lib/normalize/text-limits";
import { PayloadError } from "@/scrapers/types";

/** `jobs[3].title` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, "");
}

/** Checks an already-decoded payload against the board's schema; the first issue names the field. */
export function validatePayload<Schema extends z.ZodType>(
  board: string,
  value: unknown,
  schema: Schema,
  /** Where `value` sits in the payload, when it is one element of it. */
  at: readonly PropertyKey[] = [],
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [path, what] = issue ? describeIssue(issue, value) : [[], "does not match the expected shape"];
  const where = formatPath([...at, ...path]);
  throw new PayloadError(`${board} payload: ${where ? `${where}: ` : ""}${what}`, { cause: result.error });
}

/**
 * Where and what, in zod's wording, except for unions: when the value had the shape of one branch
 * but failed inside it, that branch's issue is the useful one; otherwise the accepted types are listed.
 */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): [readonly PropertyKey[], string] {
  if (issue.code === "invalid_union") {
    const deeper = issue.errors.find((branch) => (branch[0]?.path.length ?? 0) > 0)?.[0];
    if (deeper) {
      const [innerPath, what] = describeIssue(deeper, valueAt(value, issue.path));
      return [[...issue.path, ...innerPath], what];
    }
    const expected = [
      ...new Set(issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : [])))),
    ];
    if (expected.length) return [issue.path, `expected ${expected.join(" or ")}, received ${typeName(valueAt(value, issue.path))}`];
  }
  return [issue.path, issue.message.replace(/^Invalid input: /, "")];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current !== null && typeof current === "object" ? (current as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** JSON text that may spell a NUL or half a surrogate pair, escaped or raw (see storableText). */
const MAY_HOLD_UNSTORABLE = /\\u[dD][89a-fA-F]|\\u0000|[\ud800-\udfff\u0000]/;

function storableReviver(_key: string, value: unknown): unknown {
  return typeof value === "string" ? storableText(value) : value;
}

/** JSON.parse, with string values made well-formed (only when the text may hold anything to fix). */
export function parseWellFormedJson(text: string): unknown {
  return JSON.parse(text, MAY_HOLD_UNSTORABLE.test(text) ? storableReviver : undefined);
}

export function readJson(board: string, payload: string): unknown {
  try {
    return parseWellFormedJson(payload);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PayloadError(`${board} payload: not valid JSON (${reason})`, { cause: error });
  }
}

export function parseJsonPayload<Schema extends z.ZodType>(
  board: string,
  payload: string,
  schema: Schema,
): z.output<Schema> {
  return validatePayload(board, readJson(board, payload), schema);
}

/** Whether a decoded JSON value is an object carrying `key` (to tell a board's payload shapes apart). */
export function hasKey(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && key in value;
}
