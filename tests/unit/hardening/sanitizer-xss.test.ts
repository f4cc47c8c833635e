/**
 * The description sanitizer against the XSS corpus and against generated markup: what comes out,
 * parsed the way a browser parses our posting page, holds no script, style, frame, form, foreign
 * content, event handler, or link other than http(s) and mailto, and stays inside its container.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlFromPlainText, sanitizeDescription, textFromSanitized } from "@/lib/normalize/description";
import { XSS_CASES, XSS_PAYLOADS } from "@/tests/fixtures/xss-corpus";
import { hostileString } from "./support/hostile";
import { unsafeMarkup } from "./support/html-safety";
import { assertProperty, withinBudget } from "./support/property";

const TIMEOUT_MS = 120_000;

/** Once more escaped, the way Greenhouse and We Work Remotely send descriptions. */
function escapeOnce(html: string): string {
  return html.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function expectInert(html: string, input: string): void {
  const problems = unsafeMarkup(html);
  expect(problems, `${JSON.stringify(input)} → ${JSON.stringify(html)}`).toEqual([]);
  // Belt and braces on the serialized tags themselves (text between them is escaped, so may say anything).
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag, input).not.toMatch(/^<\s*\/?\s*(?:script|style|iframe|svg|math|object|embed|form|base|meta|link|template|noscript|img)\b/i);
    expect(tag, input).not.toMatch(/\son[a-z]+\s*=|style\s*=/i);
    expect(tag, input).not.toMatch(/(?:javascript|vbscript|data)\s*:/i);
  }
}

describe("sanitizeDescription on the XSS corpus", () => {
  it("has a case for every technique the brief names", () => {
    const kinds = new Set(XSS_CASES.map((entry) => entry.kind));
    for (const kind of ["script tag", "event handler", "javascript url", "data url", "svg", "mathml", "css", "broken markup", "entity encoded", "json-ld breakout"]) {
      expect(kinds).toContain(kind);
    }
  });

  it.each(XSS_CASES.map((entry) => [entry.kind, entry.payload] as const))("%s: %s", (_kind, payload) => {
    for (const input of [payload, escapeOnce(payload), escapeOnce(escapeOnce(payload)), `<div><p>Build models.</p>${payload}<p>Apply.</p></div>`, `${payload}${payload}`]) {
      const safe = sanitizeDescription(input);
      expectInert(safe, input);
      // Sanitizing what came out changes nothing dangerous either (no mutation on a second pass).
      expectInert(sanitizeDescription(safe), safe);
    }
    // Plain-text descriptions are escaped, never interpreted.
    expectInert(htmlFromPlainText(payload), payload);
  });

  it("the browser-model check itself flags every markup payload before sanitizing", () => {
    const markupKinds = new Set(["script tag", "event handler", "javascript url", "data url", "svg", "mathml", "css"]);
    for (const { kind, payload } of XSS_CASES) if (markupKinds.has(kind)) expect(unsafeMarkup(payload), payload).not.toEqual([]);
  });

  it("keeps the legitimate parts around a payload", () => {
    const safe = sanitizeDescription(`<p>Build <strong>models</strong>.</p><script>window.__xss=1</script><a href="https://acme.example/apply" onclick="x()">Apply</a>`);
    expect(safe).toBe(`<p>Build <strong>models</strong>.</p><a href="https://acme.example/apply" rel="nofollow noopener noreferrer">Apply</a>`);
    expect(textFromSanitized(safe)).toBe("Build models.\nApply");
  });
});

const TAGS = [
  "p", "div", "span", "a", "img", "script", "style", "iframe", "svg", "math", "mtext", "mglyph", "mi", "table", "td", "tr", "select", "option",
  "template", "noscript", "textarea", "title", "xmp", "form", "input", "button", "object", "embed", "video", "audio", "source", "base", "meta",
  "link", "body", "html", "head", "details", "marquee", "b", "i", "ul", "li", "h1", "h5", "pre", "code", "foreignObject", "animate", "set", "use",
  "image", "desc", "annotation-xml", "noembed", "noframes", "plaintext", "frameset", "isindex", "keygen", "applet", "x:script", "SCRIPT", "ScRiPt",
];
const ATTRIBUTES = [
  "href", "HREF", "src", "onerror", "onload", "OnClick", "onmouseover", "onfocus", "onbegin", "style", "xlink:href", "srcdoc", "action", "formaction",
  "data", "rel", "colspan", "rowspan", "id", "class", "name", "target", "background", "poster", "to", "values", "from", "attributeName", "xmlns",
  "encoding", "autofocus", "open", "http-equiv", "content", "type",
];
const ATTRIBUTE_VALUES = [
  "javascript:window.__xss=1", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
  "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>", "data:image/svg+xml;base64,PHN2Zz4=", "vbscript:msgbox(1)", "https://example.com/",
  "http://example.com/?a=1&b=2", "mailto:jobs@example.com", "//evil.example/x", "x\" onerror=\"window.__xss=1", "x' onerror='window.__xss=1",
  "expression(alert(1))", "url(javascript:alert(1))", "text/html", "http://www.w3.org/1999/xhtml", "#", "", "0;url=javascript:alert(1)", "application/ld+json",
];

interface Node {
  text?: string;
  tag?: string;
  attributes?: [string, string, string][];
  children?: Node[];
  close?: "normal" | "none" | "upper" | "stray";
}

const text = fc.oneof(fc.constantFrom(...XSS_PAYLOADS), hostileString(80), fc.constantFrom("Build models.", "&amp;", "&lt;script&gt;", "]]>", "-->", "<!--", "</", "<"));

const { node } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, text.map((value) => ({ text: value })), tie("element")),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    attributes: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.constantFrom(...ATTRIBUTE_VALUES), hostileString(40)), fc.constantFrom('"', "'", "")), { maxLength: 3 }),
    children: fc.array(tie("node"), { maxLength: 4 }),
    close: fc.constantFrom("normal" as const, "normal" as const, "none" as const, "upper" as const, "stray" as const),
  }),
}));

function serialize(item: Node): string {
  if (item.text !== undefined) return item.text;
  const attributes = (item.attributes ?? []).map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`).join("");
  const inner = (item.children ?? []).map(serialize).join("");
  const tag = item.tag ?? "div";
  switch (item.close) {
    case "none":
      return `<${tag}${attributes}>${inner}`;
    case "upper":
      return `<${tag}${attributes}>${inner}</${tag.toUpperCase()} >`;
    case "stray":
      return `<${tag}${attributes}>${inner}</${tag}></div></p></table>`;
    default:
      return `<${tag}${attributes}>${inner}</${tag}>`;
  }
}

const markup = fc.tuple(fc.array(node, { minLength: 1, maxLength: 5 }), fc.constantFrom("raw", "raw", "escaped", "escaped twice")).map(([nodes, form]) => {
  const html = nodes.map(serialize).join("");
  return form === "raw" ? html : form === "escaped" ? escapeOnce(html) : escapeOnce(escapeOnce(html));
});

describe("sanitizeDescription on generated markup", () => {
  it("output is inert as a browser parses it, and stays so when sanitized again (6,000 inputs)", () => {
    assertProperty(
      "sanitizeDescription",
      fc.property(markup, (html) => {
        const safe = withinBudget("sanitizeDescription", () => sanitizeDescription(html));
        const problems = [...unsafeMarkup(safe), ...unsafeMarkup(sanitizeDescription(safe)).map((problem) => `second pass: ${problem}`)];
        if (problems.length) throw new Error(`${problems.join("; ")}\noutput: ${safe.slice(0, 500)}`);
        textFromSanitized(safe);
      }),
      { seed: 3_001, numRuns: 6_000 },
    );
  }, TIMEOUT_MS);
});
