/**
 * Thousands of random and malicious query strings against the running app's listing, feed and
 * API (127.0.0.1 only, a fixed number, then it stops): never a 5xx, and each answer says what it
 * ignored (the page's notice, the feed's subtitle, the API's `ignored`), exactly as the parser
 * the three share reads the same query.
 */
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseListingParams, type IgnoredParam } from "../../lib/search/listing-params";
import { NASTY_VALUES, queryString } from "../unit/hardening/support/query-strings";

/** Query strings per endpoint; three endpoints. */
const QUERIES = 800;
const CONCURRENCY = 4;
const SEED = 2_001;

/** The query as the server sees it: what a client's URL parser leaves of it. */
function pathWith(pathname: string, query: string): string {
  const url = new URL(`http://127.0.0.1${pathname}`);
  url.search = query;
  return url.pathname + url.search;
}

/**
 * What the app can report: Next.js parses the query into a plain object with `query[key] = value`
 * (searchParamsToUrlQuery) and rebuilds it before the page or route sees it, so a `__proto__` key
 * never arrives.
 */
function expectedIgnored(path: string): IgnoredParam[] {
  const params = new URL(`http://127.0.0.1${path}`).searchParams;
  params.delete("__proto__");
  return parseListingParams(params).ignored;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** Hand-written attacks first, then generated query strings (seeded: the same every run). */
function queries(): string[] {
  const handWritten = [
    ...NASTY_VALUES.map((value) => `q=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "?"))}`),
    `level=${"senior,".repeat(500)}`,
    `${"level=senior&".repeat(200)}q=x`,
    `q=${"a".repeat(8_000)}`,
    "__proto__[polluted]=1&constructor[prototype][polluted]=1",
    "q=%", "q=%%", "q=%zz", "q=%E0%A4%A", "q=%C0%AF", "%=%", "=&=&=", "&&&", "q", "?q=x", "q=x#fragment",
    "salaryMin=1e309&salaryMin=-1&salaryMin=0x10&withoutSalary=1",
    "cursor=eyJzIjoiJyBPUiAnMSc9JzEiLCJpIjoxfQ",
    "sort=salary;DROP TABLE posting&remote=remote'--",
    "company=acme-ai%00&location=%00",
    "q=%F0%9F%98%80&location=%E5%8C%97%E4%BA%AC",
  ];
  return [...handWritten, ...fc.sample(queryString, { numRuns: QUERIES - handWritten.length, seed: SEED })];
}

async function get(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0, timeout: 60_000 });
  const body = await response.text();
  expect(response.status(), `${path} answered ${response.status()}: ${body.slice(0, 300)}`).toBeLessThan(500);
  return { response, body };
}

test.describe("garbage URL parameters against the running app", () => {
  test.describe.configure({ timeout: 900_000 });

  test(`the JSON API: ${QUERIES} query strings, ignored exactly what the parser ignores`, async ({ request }) => {
    await eachLimited(queries(), CONCURRENCY, async (query) => {
      const path = pathWith("/api/v1/postings", query);
      const { response, body } = await get(request, path);
      expect(response.status(), path).toBe(200);
      const json = JSON.parse(body) as { ignored: IgnoredParam[]; data: unknown[]; total: number };
      // As a set: Next.js regroups repeated keys when it rebuilds the query, which moves their order.
      const sorted = (items: IgnoredParam[]) => items.map((item) => JSON.stringify(item)).sort();
      expect(sorted(json.ignored), path).toEqual(sorted(expectedIgnored(path)));
      expect(Array.isArray(json.data)).toBe(true);
      expect(Number.isInteger(json.total)).toBe(true);
    });
  });

  test(`the Atom feed: ${QUERIES} query strings, well-formed, its subtitle names what was ignored`, async ({ request }) => {
    const parser = new XMLParser();
    await eachLimited(queries(), CONCURRENCY, async (query) => {
      const path = pathWith("/feed.xml", query);
      const { response, body } = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(XMLValidator.validate(body), path).toBe(true);
      const subtitle = String((parser.parse(body) as { feed: { subtitle?: unknown } }).feed.subtitle ?? "");
      const ignored = expectedIgnored(path);
      expect(subtitle.includes("Ignored:"), `${path}: ${subtitle}`).toBe(ignored.length > 0);
      for (const item of ignored.slice(0, 3)) expect(subtitle, path).toContain(item.reason);
    });
  });

  test(`the listing page: ${QUERIES} query strings, the notice lists what was ignored`, async ({ request }) => {
    await eachLimited(queries(), CONCURRENCY, async (query) => {
      const path = pathWith("/", query);
      const { response, body } = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/html/);
      const ignored = expectedIgnored(path);
      expect(body.includes('data-testid="ignored-params"'), path).toBe(ignored.length > 0);
      if (ignored.length) expect(body, path).toContain("Some parts of the address were ignored");
    });
  });
});
