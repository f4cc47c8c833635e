/**
 * What a browser would make of sanitized HTML placed in our page: parsed with parse5 (the HTML
 * standard's algorithm, foreign content and all) exactly as the posting page embeds it, then every
 * element, attribute and link checked against the sanitizer's allowlist.
 */
import { load } from "cheerio";

const ALLOWED_TAGS = new Set([
  "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "a", "code", "pre", "blockquote",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
]);
const ALLOWED_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(["href", "rel"]),
  th: new Set(["colspan", "rowspan"]),
  td: new Set(["colspan", "rowspan"]),
};
/** How browsers read a link's scheme: C0 controls and spaces around it and tabs/newlines inside are ignored. */
const SAFE_LINK = /^(?:https?|mailto):/i;

/** Problems a browser would have with this HTML in our page; empty when it is inert. */
export function unsafeMarkup(html: string): string[] {
  const $ = load(`<!doctype html><html><head></head><body><div id="posting-description">${html}</div><p id="after"></p></body></html>`);
  const problems: string[] = [];
  $("body *").each((_index, element) => {
    if (element.type !== "tag" && element.type !== "script" && element.type !== "style") return;
    const name = element.name.toLowerCase();
    const id = $(element).attr("id");
    if ((name === "div" && id === "posting-description") || (name === "p" && id === "after")) return;
    if (!ALLOWED_TAGS.has(name)) problems.push(`element <${name}>`);
    for (const [attribute, value] of Object.entries(element.attribs ?? {})) {
      if (!ALLOWED_ATTRIBUTES[name]?.has(attribute.toLowerCase())) problems.push(`attribute ${attribute} on <${name}>`);
      if (attribute.toLowerCase() === "href" && !SAFE_LINK.test(value.replace(/^[\u0000-\u0020]+|[\t\n\r]/g, ""))) problems.push(`link ${JSON.stringify(value.slice(0, 60))}`);
    }
  });
  // A stray <body onload=…> or <html …> lends its attributes to the page's own elements.
  for (const name of ["html", "body"]) {
    const attributes = Object.keys($(name).attr() ?? {});
    if (attributes.length) problems.push(`attributes ${attributes.join(", ")} added to <${name}>`);
  }
  // Everything stays inside its container: nothing closes it early, nothing follows it out of it.
  const body = $("body").children().toArray().map((element) => `${element.name}#${$(element).attr("id") ?? ""}`);
  if (body.join(",") !== "div#posting-description,p#after") problems.push(`markup escaped its container: body holds ${body.join(", ")}`);
  return problems;
}
