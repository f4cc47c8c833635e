/**
 * One-line board fields (titles, company names, places, salary text) are read up to this many
 * characters. The longest real ones are under 150; several of the rules' patterns take more than
 * linear time on long runs (a title of 5,000 emoji cost 8 s, 20,000 digits of salary text 2.6 s),
 * and a board can send a field of any length.
 */
export const MAX_LINE_LENGTH = 300;

/** The text, cut to MAX_LINE_LENGTH characters (never between the halves of a surrogate pair). */
export function clipLine(text: string): string {
  return text.length > MAX_LINE_LENGTH ? text.slice(0, MAX_LINE_LENGTH).replace(/[\ud800-\udbff]$/, "") : text;
}
