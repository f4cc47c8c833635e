/**
 * One-line board fields (titles, company names, places, salary text) are read up to this many
 * characters. The longest real ones are under 150; several of the rules' patterns take more than
 * linear time on long runs (a title of 5,000 emoji cost 8 s, 20,000 digits of salary text 2.6 s),
 * and a board can send a field of any length.
 */
export const MAX_LINE_LENGTH = 300;

/**
 * NUL, and half of a surrogate pair with no other half. JSON can spell both ("\u0000", "\ud83d");
 * PostgreSQL refuses either in text and jsonb, and a lone surrogate makes encodeURIComponent throw.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without NUL, and with every lone surrogate replaced by U+FFFD: what a database row can hold. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, (found) => (found === "\u0000" ? "" : "\ufffd"));
}

/** Every string (and object key) of a JSON-like value made storable. */
export function storableValue(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableValue(item)]));
  return value;
}

/** The text, cut to MAX_LINE_LENGTH characters (never between the halves of a surrogate pair). */
export function clipLine(text: string): string {
  return text.length > MAX_LINE_LENGTH ? text.slice(0, MAX_LINE_LENGTH).replace(/[\ud800-\udbff]$/, "") : text;
}
