import { load } from "cheerio/slim";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "@/lib/format";

const SAFE_HREF = /^(?:https?:|mailto:)/i;
const LINK_REL = "nofollow noopener noreferrer";

/**
 * The allowlist for descriptions shown on our pages: text structure, links, code and simple
 * tables. Everything active (script, style, iframe, svg, math, forms, event handlers) goes,
 * and the contents of the dangerous ones go with it.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "a", "code", "pre", "blockquote",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  ],
  allowedAttributes: { a: ["href", "rel"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: [
    "script", "style", "textarea", "option", "noscript", "svg", "math", "iframe", "object", "embed", "template",
    "title", "head", "select", "button", "frameset", "noembed", "noframes", "xmp", "plaintext", "canvas", "audio", "video",
  ],
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    // Boards wrap paragraphs in divs; without a block the text of two divs would run together.
    div: "p",
    a: (tagName, attribs) => {
      const href = (attribs.href ?? "").trim();
      const safe: sanitizeHtml.Attributes = SAFE_HREF.test(href) ? { href, rel: LINK_REL } : {};
      return { tagName, attribs: safe };
    },
  },
};

/** Greenhouse and WWR send "&lt;p&gt;..." with no real tags: that string is HTML, escaped once. */
function isEntityEscapedHtml(html: string): boolean {
  return !/<[a-z!/]/i.test(html) && /&lt;\/?[a-z!]/i.test(html);
}

const NUMERIC_ENTITY = /&#(?:(\d{1,7})|x([0-9a-f]{1,6}));/gi;

/**
 * One level of escaping off: numeric entities and the markup ones, "&amp;" last so "&amp;lt;"
 * stays "&lt;". Other named entities are left for the HTML parser, which decodes them the same way.
 */
function unescapeOnce(text: string): string {
  if (!text.includes("&")) return text;
  const numeric = text.includes("&#")
    ? text.replace(NUMERIC_ENTITY, (entity, decimal?: string, hex?: string) => {
        const code = decimal ? Number(decimal) : parseInt(hex ?? "", 16);
        // Surrogates are not characters: "&#xD800;" would become half a pair, which no database stores.
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
      })
    : text;
  return numeric
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

/** Decode every HTML entity in text that carries no markup of its own (titles, company names). */
export function decodeEntities(text: string): string {
  return text.includes("&") ? load(text, null, false).text() : text;
}

/** A UTF-8 byte sequence for one character, each byte shown as a Latin-1 character. */
const MOJIBAKE = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

/**
 * UTF-8 read as Latin-1 ("donâ\u0080\u0099t", Remote OK): re-decode each such sequence that
 * is valid UTF-8, and leave everything else alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  return text.replace(MOJIBAKE, (sequence) => {
    const repaired = Buffer.from(sequence, "latin1").toString("utf8");
    return repaired.includes("\ufffd") ? sequence : repaired;
  });
}

const TAG = /<(\/?)([a-z0-9]+)[^>]*>/g;
const BLOCKS = new Set(["p", "ul", "ol", "h2", "h3", "h4", "pre", "blockquote", "table"]);

/**
 * Divs become paragraphs, so "<div><p>a</p></div>" would nest paragraphs, which browsers
 * re-parse into empty ones: drop the wrapper of any paragraph that holds a block.
 * The input is sanitize-html output, so tags are balanced and from the allowlist.
 */
function unwrapBlockParagraphs(html: string): string {
  type Open = { tag: string; start: number; end: number; wrapper: boolean };
  const dropped: [number, number][] = [];
  const stack: Open[] = [];
  // Open paragraphs not yet known to hold a block. Each is marked once, so thousands of nested
  // divs cost linear time (walking the whole stack at every block was quadratic: 70 s for 500 KB).
  let unmarked: Open[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [tagText, closing, tag = ""] = match;
    const end = match.index + tagText.length;
    if (tag === "br") continue;
    if (closing) {
      const open = stack.pop();
      if (open && unmarked.at(-1) === open) unmarked.pop();
      if (open?.wrapper) dropped.push([open.start, open.end], [match.index, end]);
      continue;
    }
    if (BLOCKS.has(tag)) {
      for (const open of unmarked) open.wrapper = true;
      unmarked = [];
    }
    const open: Open = { tag, start: match.index, end, wrapper: false };
    stack.push(open);
    if (tag === "p") unmarked.push(open);
  }
  if (!dropped.length) return html;
  dropped.sort((a, b) => a[0] - b[0]);
  let result = "";
  let cursor = 0;
  for (const [start, end] of dropped) {
    result += html.slice(cursor, start);
    cursor = end;
  }
  return result + html.slice(cursor);
}

/** Safe HTML for our pages from a board's description HTML (possibly entity-escaped). */
export function sanitizeDescription(html: string): string {
  const source = repairMojibake(html);
  const decoded = isEntityEscapedHtml(source) ? unescapeOnce(source) : source;
  const safe = sanitizeHtml(decoded, SANITIZE_OPTIONS);
  return (/<div/i.test(decoded) ? unwrapBlockParagraphs(safe) : safe)
    .replace(/<p>\s*<\/p>/g, "")
    .trim();
}

const BLOCK_BOUNDARY = /<\/?(?:p|ul|ol|li|h2|h3|h4|pre|blockquote|table|thead|tbody|tfoot|tr|caption)\b[^>]*>|<br\s*\/?>/gi;
const CELL_BOUNDARY = /<\/?(?:td|th)\b[^>]*>/gi;

/**
 * Plain text of HTML that sanitizeDescription produced: blocks become lines, spaces collapse.
 * Cheap string work, because the markup is already known to be our small allowlist.
 */
export function textFromSanitized(safeHtml: string): string {
  const text = safeHtml.replace(BLOCK_BOUNDARY, "\n").replace(CELL_BOUNDARY, " ").replace(/<[^>]*>/g, "");
  return unescapeOnce(text)
    // Only runs and odd spaces are rewritten; single plain spaces (most of the text) are left alone.
    .replace(/[^\S\n]{2,}|[^\S\n ]/g, " ")
    .replace(/ ?\n[\s]*/g, "\n")
    .trim();
}

/** Plain text for search from any description HTML: block elements → newlines, collapsed whitespace. */
export function htmlToText(html: string): string {
  return textFromSanitized(sanitizeDescription(html));
}

/** HTML for a board that only gives plain text: blank lines are paragraphs, single newlines breaks. */
export function htmlFromPlainText(text: string): string {
  return repairMojibake(text)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br />")}</p>`)
    .join("");
}
