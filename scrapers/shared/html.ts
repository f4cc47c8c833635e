import * as cheerio from "cheerio";

/** Decodes HTML character references once (`&lt;p&gt;` → `<p>`, `&amp;nbsp;` → `&nbsp;`). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return cheerio.load(text, null, false).text();
}

/** Whether a description holds HTML that was escaped a second time (`&lt;p&gt;` but no real tag). */
export function isEntityEscapedHtml(text: string): boolean {
  return /&lt;\/?[a-z][a-z0-9]*[\s/&]/i.test(text) && !/<\/?[a-z][a-z0-9]*[\s/>]/i.test(text);
}

/** Plain text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
