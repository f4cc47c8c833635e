/**
 * One small, fixed example of each bug the property-based tests found, so each stays fixed even if
 * the generators change. The properties themselves live in the other files of this folder.
 */
import { describe, expect, it } from "vitest";
import { normalizePosting } from "@/lib/normalize";
import { companySlug, dedupKey, titleKey } from "@/lib/normalize/dedup";
import { sanitizeDescription } from "@/lib/normalize/description";
import { parseLocation } from "@/lib/normalize/location";
import { classifyRole } from "@/lib/normalize/role-fit";
import { parseSalary } from "@/lib/normalize/salary";
import { ashby } from "@/scrapers/ashby";
import { greenhouse } from "@/scrapers/greenhouse";
import { jsonld } from "@/scrapers/jsonld";
import { lever } from "@/scrapers/lever";
import { personio } from "@/scrapers/personio";
import { smartrecruiters } from "@/scrapers/smartrecruiters";
import { PayloadError, rawPostingSchema } from "@/scrapers/types";
import { weworkremotely } from "@/scrapers/weworkremotely";
import { workable } from "@/scrapers/workable";
import { cpuMs } from "./support/property";

const minimal = { externalId: "1", title: "Staff ML Engineer", company: "Acme", url: "https://acme.example/jobs/1" };

describe("postings only link to http(s) pages", () => {
  it("rawPostingSchema refuses javascript:, data: and mailto: links", () => {
    expect(rawPostingSchema.safeParse(minimal).success).toBe(true);
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:jobs@acme.example", "A:"]) {
      expect(rawPostingSchema.safeParse({ ...minimal, url }).success, url).toBe(false);
      expect(rawPostingSchema.safeParse({ ...minimal, applyUrl: url }).success, url).toBe(false);
    }
  });

  it("a board whose job link is javascript: fails with a PayloadError naming the field", () => {
    const payload = JSON.stringify({ jobs: [{ id: 7, title: "Staff ML Engineer", absolute_url: "javascript:alert(1)" }] });
    expect(() => greenhouse.parse(payload, { token: "acme" })).toThrow(PayloadError);
    expect(() => greenhouse.parse(payload, { token: "acme" })).toThrow(/^greenhouse payload: posting 0 \(7\): url: /);
  });
});

describe("half a surrogate pair in a JSON payload", () => {
  it("becomes U+FFFD instead of a URIError when an id goes into a URL", () => {
    const v3 = JSON.stringify({ results: [{ shortcode: "AB\ud83d", title: "Staff ML Engineer" }] });
    const [job] = workable.parse(v3, { token: "acme" });
    expect(job?.externalId).toBe("AB\ufffd");
    expect(job?.url).toBe("https://apply.workable.com/j/AB%EF%BF%BD");
    const detail = JSON.stringify({ id: "74\udc00", name: "Staff ML Engineer" });
    expect(smartrecruiters.parse(detail, { token: "Acme" })[0]?.url).toBe("https://jobs.smartrecruiters.com/Acme/74%EF%BF%BD");
  });

  it("keeps well-formed pairs (emoji) as they are", () => {
    const v3 = JSON.stringify({ results: [{ shortcode: "AB", title: "ML Engineer \ud83d\ude80" }] });
    expect(workable.parse(v3, { token: "acme" })[0]?.title).toBe("ML Engineer 🚀");
  });
});

describe("board leftovers nested thousands deep", () => {
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

  it("are cut in raw, so the posting still serializes (and can be stored)", () => {
    const payload = `{"jobs":[{"id":1,"title":"ML Engineer","absolute_url":"https://acme.example/1","metadata":[{"name":"Team","value":${deep(20_000)}}]}]}`;
    const [job] = greenhouse.parse(payload, { token: "acme" });
    expect(() => JSON.stringify(job)).not.toThrow();
    const ashbyPayload = `{"jobs":[{"id":"a","title":"ML Engineer","jobUrl":"https://acme.example/a","address":{"postalAddress":{"addressLocality":"Berlin","x":${deep(20_000)}}}}]}`;
    const [posting] = ashby.parse(ashbyPayload, { token: "acme" });
    expect(JSON.stringify(posting?.raw)).toContain('"addressLocality":"Berlin"');
  });
});

describe("a PayloadError message stays short", () => {
  it("clips the board's id when it names the posting", () => {
    const payload = JSON.stringify({ jobs: [{ id: "x".repeat(100_000), title: "ML Engineer", absolute_url: "javascript:0" }] });
    expect(() => greenhouse.parse(payload, { token: "acme" })).toThrow(PayloadError);
    try {
      greenhouse.parse(payload, { token: "acme" });
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});

describe("XML the validator passes but the parser refuses", () => {
  it("is a PayloadError naming the board, not a plain Error", () => {
    const feed = '<?xml version="1.0"?><workzag-jobs><position><id>1</id><name>ML Engineer</name></position></workzag-jobs><?pi';
    expect(() => personio.parse(feed, { token: "acme" })).toThrow(PayloadError);
    expect(() => personio.parse(feed, { token: "acme" })).toThrow(/^personio payload: not valid XML \(Pi Tag is not closed/);
    expect(() => weworkremotely.parse('<rss><channel></channel></rss><?x', {})).toThrow(PayloadError);
  });

  it("quotes at most 200 characters of the offending markup", () => {
    expect(() => personio.parse(`<${"a<".repeat(5_000)}`, { token: "acme" })).toThrow(/^personio payload: not valid XML \(line 1: Tag 'a<a<.{190,200}…\)$/);
  });
});

describe("deeply nested markup in a description", () => {
  it("is sanitized in linear time (40,000 nested divs took 3.5 s of CPU, 100,000 took 70 s)", () => {
    const started = cpuMs();
    expect(sanitizeDescription(`${"<div>".repeat(40_000)}Build models`)).toBe("<p>Build models</p>");
    expect(sanitizeDescription(`${"<div><ul><li>".repeat(2)}Build models`)).toBe("<ul><li><ul><li>Build models</li></ul></li></ul>");
    expect(cpuMs() - started).toBeLessThan(1_000);
  });
});

describe("a career page of thousands of nested or unclosed elements", () => {
  const posting = '<script type="application/ld+json">{"@type":"JobPosting","title":"Staff ML Engineer"}</script>';

  it("is read in linear time (200 KB of nested divs took 25 s of CPU in a DOM builder)", () => {
    for (const filler of ["<div>", "<a>", "<a ", "<script ", "<p title='"]) {
      const started = cpuMs();
      const postings = jsonld.parse(filler.repeat(40_000) + posting, { url: "https://careers.acme.example/jobs/1" });
      expect(cpuMs() - started, filler).toBeLessThan(1_000);
      expect(postings.length, filler).toBeLessThanOrEqual(1);
    }
  });

  it("still skips JSON-LD inside comments and raw-text elements, as a browser does", () => {
    const page = `<!-- ${posting} --><textarea>${posting}</textarea>${posting.replace("Staff", "Principal")}`;
    expect(jsonld.parse(page, { url: "https://careers.acme.example/jobs/1" }).map((job) => job.title)).toEqual(["Principal ML Engineer"]);
  });
});

describe("board names with a dot", () => {
  it("survive being normalized again when the scrape starts (Character.AI, acme.io)", () => {
    expect(ashby.normalizeToken("https://jobs.ashbyhq.com/Character.AI")).toBe("Character.AI");
    expect(ashby.normalizeToken("Character.AI")).toBe("Character.AI");
    expect(lever.normalizeToken("https://jobs.lever.co/acme.io")).toBe("acme.io");
    expect(lever.normalizeToken("acme.io")).toBe("acme.io");
    // A URL on another host is still not a board.
    expect(() => ashby.normalizeToken("https://character.ai/careers")).toThrow(/^ashby: /);
    expect(() => lever.normalizeToken("acme.io/jobs")).toThrow(/^lever: /);
  });
});

describe("very long one-line fields", () => {
  const cases: [string, () => unknown][] = [
    ["a title of 5,000 emoji (was 8 s)", () => classifyRole({ title: "🙂".repeat(5_000) })],
    ["salary text of 20,000 digits (was 2.6 s)", () => parseSalary("1".repeat(20_000))],
    ["salary text of '$1' × 10,000 (was 1.4 s)", () => parseSalary("$1".repeat(10_000))],
    ["a location of 'm/' × 10,000 (was 1.7 s)", () => parseLocation({ locations: ["m/".repeat(10_000)] })],
    ["a company of '(' × 20,000", () => companySlug("(".repeat(20_000))],
    ["all of them in one posting", () => normalizePosting({ externalId: "1", title: "🙂".repeat(5_000), company: "(".repeat(20_000), url: "https://acme.example/1", locations: ["m/".repeat(10_000)], salary: { text: "1".repeat(20_000) } })],
  ];

  it.each(cases)("%s takes well under a second", (_name, run) => {
    const started = cpuMs();
    run();
    expect(cpuMs() - started).toBeLessThan(500);
  });

  it("are read up to 300 characters, which every real title, place and salary text fits in", () => {
    const posting = normalizePosting({ externalId: "1", title: `Staff ML Engineer ${"x".repeat(1_000)}`, company: "Acme", url: "https://acme.example/1", locations: [], salary: { text: `$180,000 - $240,000 ${"y".repeat(1_000)}` } });
    expect(posting.title.length).toBe(300);
    expect(posting.salary).toMatchObject({ min: 180_000, max: 240_000, currency: "USD" });
    expect(posting.roleFit.level).toBe("staff");
  });
});

describe("time-zone offsets that no zone has", () => {
  it("are not read as a time zone (GMT+99 gave a range from +99 h to +14 h)", () => {
    const read = (text: string) => {
      const { tzMinOffset, tzMaxOffset } = parseLocation({ locations: [], remoteEligibility: [text], remoteHint: "remote" });
      return [tzMinOffset, tzMaxOffset];
    };
    expect(read("GMT+99")).toEqual([null, null]);
    expect(read("UTC+5:75")).toEqual([null, null]);
    expect(read("UTC-5 to UTC+1")).toEqual([-300, 60]);
    expect(read("UTC+13 ± 3h")).toEqual([600, 840]);
  });
});

describe("company and title names in other scripts", () => {
  it("get distinct company slugs that the company page and filter accept", () => {
    const slugs = ["字节跳动", "Яндекс", "株式会社メルカリ", "!!!", `${"Very Long Company Name ".repeat(10)}Inc.`].map(companySlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
    expect(companySlug("Acme, Inc.")).toBe("acme");
  });

  it("keep two jobs of one company at one place apart (their titles folded to the same empty key)", () => {
    const location = parseLocation({ locations: ["Beijing, China"] });
    const key = (title: string) => dedupKey({ companySlug: companySlug("字节跳动"), title, location });
    expect(key("机器学习工程师")).not.toBe(key("数据科学家"));
    expect(titleKey("Senior ML Engineer (m/w/d) - Remote")).toBe("senior ml engineer");
  });
});

describe("NUL characters in a payload", () => {
  it("are dropped by the parsers and by normalizePosting, since PostgreSQL refuses them in text and jsonb", () => {
    const payload = '{"jobs":[{"id":"7\\u0000","title":"ML\\u0000 Engineer","absolute_url":"https://acme.example/7","content":"&lt;p&gt;a\\u0000b&lt;/p&gt;","metadata":[{"name":"T\\u0000","value":"x\\u0000"}]}]}';
    const [job] = greenhouse.parse(payload, { token: "acme" });
    expect(JSON.stringify(job)).not.toMatch(/\\u0000/);
    expect(job).toMatchObject({ externalId: "7", title: "ML Engineer", descriptionHtml: "<p>ab</p>", raw: { metadata: { T: "x" } } });
    const posting = normalizePosting({ ...minimal, title: "ML\u0000 Engineer", company: "Ac\u0000me", locations: ["Ber\u0000lin"], raw: { "k\u0000": "\ud800" } });
    expect(JSON.stringify(posting)).not.toMatch(/\\u0000|\\ud800/);
    expect(posting.title).toBe("ML Engineer");
  });
});

describe("numeric entities for surrogates in an escaped description", () => {
  it("do not decode to half a surrogate pair", () => {
    const posting = normalizePosting({ ...minimal, locations: [], descriptionHtml: "&lt;p&gt;ok&lt;/p&gt;&#xD800;&#55296;" });
    expect(posting.descriptionHtml).toBe("<p>ok</p>\ufffd\ufffd");
    expect(JSON.stringify(posting)).not.toMatch(/\\ud800/);
  });
});
