import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlFromPlainText, htmlToText, repairMojibake, sanitizeDescription } from "@/lib/normalize/description";

/** Every tag left in sanitized output must be on the allowlist. */
function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => (match[1] ?? "").toLowerCase());
}
const ALLOWED = new Set(["p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "a", "code", "pre", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"]);

describe("sanitizeDescription: XSS", () => {
  it.each([
    ["script", `<p>hi</p><script>alert(1)</script>`],
    ["onerror", `<img src=x onerror="alert(1)"><p onclick="alert(1)">hi</p>`],
    ["javascript: href", `<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a><a href="java&#x09;script:alert(1)">z</a>`],
    ["data: href", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`],
    ["svg", `<svg onload="alert(1)"><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>`],
    ["math", `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`],
    ["style", `<style>body{background:url(javascript:alert(1))}</style><p style="background:url(javascript:alert(1))">x</p>`],
    ["iframe", `<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>`],
    ["form", `<form action="https://evil.example"><input name=x><button formaction="javascript:alert(1)">go</button></form>`],
    ["broken markup", `<scr<script>ipt>alert(1)</script><<script>script>alert(1)<</script>/script><p <img src=x onerror=alert(1)>`],
    ["comment trick", `<!--<img src=x onerror=alert(1)>--><p>ok</p>`],
    ["entity-escaped script", `&lt;p&gt;hi&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;`],
  ])("%s", (_, html) => {
    const safe = sanitizeDescription(html);
    expect(safe).not.toMatch(/<script|<img|<svg|<math|<style|<iframe|<form|<input|<button/i);
    expect(safe).not.toMatch(/\son\w+=/i);
    expect(safe).not.toMatch(/javascript:|data:text/i);
    expect(safe).not.toMatch(/style=/i);
    for (const tag of tagsIn(safe)) expect(ALLOWED.has(tag)).toBe(true);
  });

  it("drops the contents of script, style and svg, not just the tags", () => {
    expect(htmlToText(`<p>a</p><script>var secret = 1</script><style>.x{}</style><svg><text>drawn</text></svg>`)).toBe("a");
  });
});

describe("sanitizeDescription: what is kept", () => {
  it("keeps structure and safe links, marked nofollow", () => {
    const safe = sanitizeDescription(
      `<h2>About</h2><p>We <strong>build</strong> <em>models</em>.</p><ul><li>one</li></ul><a href="https://example.com/jobs" target="_blank" rel="opener">apply</a> <a href="mailto:jobs@example.com">mail</a>`,
    );
    expect(safe).toContain("<h2>About</h2>");
    expect(safe).toContain("<ul><li>one</li></ul>");
    expect(safe).toContain(`<a href="https://example.com/jobs" rel="nofollow noopener noreferrer">apply</a>`);
    expect(safe).toContain(`<a href="mailto:jobs@example.com" rel="nofollow noopener noreferrer">mail</a>`);
    expect(safe).not.toContain("target=");
  });

  it("keeps link text but drops relative and protocol-relative links", () => {
    expect(sanitizeDescription(`<a href="/apply">apply</a> <a href="//evil.example">x</a>`)).toBe("<a>apply</a> <a>x</a>");
  });

  it("demotes h1 and turns wrapper divs into paragraphs without nesting them", () => {
    expect(sanitizeDescription(`<div class="content"><h1>Title</h1><div><p>one</p><p>two</p></div><div>three</div></div>`)).toBe(
      "<h2>Title</h2><p>one</p><p>two</p><p>three</p>",
    );
  });

  it("keeps code, blockquotes and simple tables", () => {
    const safe = sanitizeDescription(`<pre><code>x = 1</code></pre><blockquote>q</blockquote><table><tr><th colspan="2" style="x">h</th></tr></table>`);
    expect(safe).toBe(`<pre><code>x = 1</code></pre><blockquote>q</blockquote><table><tr><th colspan="2">h</th></tr></table>`);
  });
});

describe("entity-escaped payloads", () => {
  it("decodes once when there are no real tags (Greenhouse content)", () => {
    const escaped = `&lt;div class=&quot;content-intro&quot;&gt;&lt;p&gt;R&amp;amp;D &amp;amp; ML&amp;nbsp;team&lt;/p&gt;&lt;/div&gt;`;
    expect(sanitizeDescription(escaped)).toBe("<p>R&amp;D &amp; ML\u00a0team</p>");
    expect(htmlToText(escaped)).toBe("R&D & ML team");
  });

  it("leaves real HTML alone, so an escaped tag in text stays text", () => {
    expect(sanitizeDescription(`<p>Use &lt;script&gt; tags carefully</p>`)).toBe("<p>Use &lt;script&gt; tags carefully</p>");
    expect(htmlToText(`<p>Use &lt;script&gt; tags carefully</p>`)).toBe("Use <script> tags carefully");
  });

  it("reads the Greenhouse fixture's escaped content as HTML", () => {
    const payload = JSON.parse(readFileSync("../shared/fixtures/greenhouse/gitlab-jobs-content-true.json", "utf8")) as {
      jobs: { title: string; content: string }[];
    };
    const content = payload.jobs.find((job) => job.title === "AI Engineer")?.content ?? "";
    expect(content).toContain("&lt;");
    const safe = sanitizeDescription(content);
    expect(safe.startsWith("<")).toBe(true);
    expect(safe).not.toContain("&lt;p&gt;");
    expect(htmlToText(content)).toContain("United States Salary Range\n$108,400—$129,600 USD");
  });
});

describe("htmlToText", () => {
  it("puts blocks on their own lines and collapses whitespace", () => {
    expect(htmlToText(`<p>Para   one</p><p>Para two<br>line</p><ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>`)).toBe(
      "Para one\nPara two\nline\na\nb\nc1 c2",
    );
  });

  it("reads Hacker News comments, where <p> only separates paragraphs", () => {
    expect(htmlToText(`Acme | ML Engineer | Remote<p>We build things.<p>Apply: <a href="https:&#x2F;&#x2F;acme.example">acme</a>`)).toBe(
      "Acme | ML Engineer | Remote\nWe build things.\nApply: acme",
    );
  });
});

describe("small text helpers", () => {
  it("repairs UTF-8 read as Latin-1 and leaves correct text alone", () => {
    expect(repairMojibake("don\u00e2\u0080\u0099t \u00e2\u0080\u0093 caf\u00c3\u00a9")).toBe("don’t – café");
    expect(repairMojibake("Zürich – café")).toBe("Zürich – café");
  });

  it("decodes entities in plain fields", () => {
    expect(decodeEntities("R&amp;D &#x2F; ML &eacute;")).toBe("R&D / ML é");
  });

  it("builds paragraphs from plain text, escaped", () => {
    expect(htmlFromPlainText("First <line>\nsecond\n\nNext")).toBe("<p>First &lt;line&gt;<br />second</p><p>Next</p>");
  });
});
