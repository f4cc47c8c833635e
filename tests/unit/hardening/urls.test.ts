/**
 * URL handling on hostile input: every board's normalizeToken (what a person pastes into
 * `sources add` or /admin), and the SSRF guard's reading of URLs (assertPublicUrl).
 */
import { isIP } from "node:net";
import fc from "fast-check";
import { describe, it } from "vitest";
import { assertPublicUrl, isPublicAddress, type ResolveHost } from "@/lib/http";
import { getScraper, scraperKinds } from "@/scrapers/registry";
import { ScrapeError, type Fetcher, type SourceKind } from "@/scrapers/types";
import { hostileString } from "./support/hostile";
import { assertProperty, withinBudget, withinBudgetAsync } from "./support/property";

const TIMEOUT_MS = 120_000;

/** Hosts a canonical token may send the scraper to, per board: nowhere else. */
const BOARD_HOSTS: Record<SourceKind, RegExp> = {
  greenhouse: /^boards-api\.greenhouse\.io$/,
  lever: /^api(\.eu)?\.lever\.co$/,
  ashby: /^api\.ashbyhq\.com$/,
  workable: /^apply\.workable\.com$/,
  smartrecruiters: /^api\.smartrecruiters\.com$/,
  recruitee: /^[a-z0-9-]+\.recruitee\.com$/,
  personio: /^[a-z0-9-]+\.jobs\.personio\.(de|com)$/,
  remoteok: /^remoteok\.com$/,
  remotive: /^remotive\.com$/,
  weworkremotely: /^weworkremotely\.com$/,
  jsonld: /./,
  hackernews: /^hn\.algolia\.com$/,
  workday: /^[a-z0-9-]+\.(wd\d+\.)?(myworkdayjobs|myworkdaysite)\.com$/,
};

const BOARD_HOST_SPELLINGS = [
  "boards.greenhouse.io", "job-boards.greenhouse.io", "boards-api.greenhouse.io", "jobs.lever.co", "jobs.eu.lever.co", "api.lever.co",
  "jobs.ashbyhq.com", "apply.workable.com", "acme.workable.com", "jobs.smartrecruiters.com", "careers.smartrecruiters.com",
  "acme.recruitee.com", "acme.jobs.personio.de", "acme.jobs.personio.com", "remoteok.com", "www.remoteok.io", "remotive.com",
  "weworkremotely.com", "news.ycombinator.com", "hn.algolia.com", "acme.wd5.myworkdayjobs.com", "wd3.myworkdaysite.com",
  // Look-alikes and other hosts.
  "greenhouse.io.evil.example", "evilgreenhouse.io", "jobs.lever.co.evil.example", "evil.example", "127.0.0.1", "[::1]", "localhost",
  "evil.example#.myworkdayjobs.com", "evil.example?.jobs.personio.de", "evil.example\\.recruitee.com", "acme.jobs.personio.de.",
  "ACME.WD5.MYWORKDAYJOBS.COM", "xn--80ak6aa92e.com",
];

const pathSegment = fc.oneof(
  fc.constantFrom("acme", "Acme", "eu:acme", "embed", "job_board?for=acme", "v1", "boards", "posting-api", "job-board", "api", "accounts", "j", "companies",
    "categories", "remote-back-end-programming-jobs.rss", "remote-jobs", "item?id=123", "wday", "cxs", "recruiting", "en-US", "External", "..", ".", "%2e%2e",
    "%zz", "%E0%A4%A", "%00", "%2F", "a%2Fb", "ümlaut", "😀", "", " ", "a b", "<script>", "javascript:alert(1)"),
  hostileString(60),
);

/** Bare tokens, board URLs with odd paths, look-alike hosts, and hostile text. */
const tokenInput = fc.oneof(
  { weight: 3, arbitrary: hostileString(300) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom("https://", "http://", "HTTPS://", "", "//", "ftp://", "javascript:", "https:/", " https://"),
        fc.constantFrom(...BOARD_HOST_SPELLINGS),
        fc.constantFrom("", ":443", ":8080", ":0", ":99999"),
        fc.array(pathSegment, { maxLength: 5 }),
        fc.constantFrom("", "?category=software-dev", "?id=123", "?for=acme", "?id=%zz", "#frag", "?a=1&a=2"),
      )
      .map(([scheme, host, port, segments, query]) => `${scheme}${host}${port}/${segments.join("/")}${query}`),
  },
  { weight: 2, arbitrary: fc.array(pathSegment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("/")) },
);

/** A Fetcher that records the first URL a scrape asks for and stops it there. */
function firstUrlOf(kind: SourceKind, token: string): Promise<string> {
  let requested: string | undefined;
  const stop = new Error("stop after the first request");
  const fetcher: Fetcher = {
    fetch: async (url) => {
      requested = url;
      throw stop;
    },
  };
  return getScraper(kind)
    .scrape({ token, fetcher, maxPages: 1 })
    .then(
      () => Promise.reject(new Error("scrape finished without fetching")),
      (error: unknown) => {
        if (error !== stop || requested === undefined) throw error;
        return requested;
      },
    );
}

describe("normalizeToken of every board on hostile input", () => {
  it.each(scraperKinds.map((kind, index) => [kind, index] as const))(
    "%s: canonical or a plain Error naming the board; idempotent; the scrape stays on the board's host (1,500 inputs)",
    async (kind, index) => {
      const scraper = getScraper(kind);
      const tokens: string[] = [];
      assertProperty(
        `${kind} normalizeToken`,
        fc.property(tokenInput, (input) => {
          let token: string;
          try {
            token = withinBudget("normalizeToken", () => scraper.normalizeToken(input));
          } catch (error) {
            if (!(error instanceof Error) || (error.constructor !== Error && !(error instanceof ScrapeError))) {
              throw new Error(`threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`);
            }
            if (!error.message.startsWith(`${kind}: `)) throw new Error(`error does not name the board: ${error.message}`);
            return;
          }
          if (typeof token !== "string" || !token || token !== token.trim()) throw new Error(`token ${JSON.stringify(token)}`);
          const again = scraper.normalizeToken(token);
          if (again !== token) throw new Error(`not idempotent: ${JSON.stringify(token)} → ${JSON.stringify(again)}`);
          tokens.push(token);
        }),
        { seed: 6_001 + index * 10, numRuns: 1_500 },
      );
      // Where the canonical tokens send the scraper: checked after, since scrape is async.
      for (const token of tokens.slice(0, 300)) {
        const url = new URL(await withinBudgetAsync("first request", () => firstUrlOf(kind, token)));
        if (url.protocol !== "https:" && !(kind === "jsonld" && url.protocol === "http:")) throw new Error(`${kind} token ${JSON.stringify(token)} fetches ${url.href}`);
        if (!BOARD_HOSTS[kind].test(url.hostname)) throw new Error(`${kind} token ${JSON.stringify(token)} sends the scraper to ${url.hostname}`);
      }
    },
    TIMEOUT_MS,
  );
});

/** Private and special IPv4 addresses, as numbers. */
const privateIpv4 = fc.oneof(
  fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
);

/** Every way a URL host can spell an IPv4 address that the WHATWG parser (and so fetch) accepts. */
function spellings([a, b, c, d]: [number, number, number, number]): string[] {
  const whole = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const hex = (n: number) => `0x${n.toString(16)}`;
  const oct = (n: number) => `0${n.toString(8)}`;
  const mapped = `${((a << 8) + b).toString(16)}:${((c << 8) + d).toString(16)}`;
  return [
    `${a}.${b}.${c}.${d}`,
    `${whole}`,
    hex(whole),
    hex(whole).toUpperCase().replace("0X", "0x"),
    `${oct(a)}.${oct(b)}.${oct(c)}.${oct(d)}`,
    `${hex(a)}.${hex(b)}.${hex(c)}.${hex(d)}`,
    `${a}.${(b << 16) + (c << 8) + d}`,
    `${a}.${b}.${(c << 8) + d}`,
    `${hex(a)}.${(b << 16) + (c << 8) + d}`,
    `${a}.${b}.${c}.${d}.`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
    `[::ffff:${mapped}]`,
    `[0:0:0:0:0:ffff:${a}.${b}.${c}.${d}]`,
    `[64:ff9b::${mapped}]`,
    `%3${String(a).split("").join("%3")}.${b}.${c}.${d}`,
  ];
}

const publicResolver: ResolveHost = async () => [{ address: "93.184.216.34", family: 4 }];

describe("assertPublicUrl on hostile input", () => {
  it("refuses every spelling of private IPv4 hosts, with ports, userinfo and case tricks (2,000 inputs)", async () => {
    const samples = fc.sample(
      fc.tuple(privateIpv4, fc.nat(), fc.constantFrom("http://", "https://", "HTTP://", "http://user:pass@", "https://@"), fc.constantFrom("", ":80", ":443", "/", "/x?y#z")),
      { numRuns: 2_000, seed: 6_501 },
    );
    for (const [address, pick, scheme, tail] of samples) {
      const forms = spellings(address);
      const input = `${scheme}${forms[pick % forms.length]}${tail}`;
      const outcome = await assertPublicUrl(input, { resolveHost: publicResolver }).then(
        (url) => `accepted as ${url.href}`,
        (error: unknown) => (error instanceof ScrapeError && error.kind === "fatal" ? null : `rejected with ${String(error)}`),
      );
      if (outcome) throw new Error(`${input}: ${outcome} (seed 6501)`);
    }
  }, TIMEOUT_MS);

  it("on any string: a public http(s) URL on port 80/443, or a ScrapeError; names resolving privately are refused (3,000 inputs)", async () => {
    const input = fc.oneof(
      hostileString(500),
      fc.webUrl(),
      fc.tuple(fc.constantFrom("http://", "https://", "file://", "gopher://", "javascript:", "data:", "//", "http:\\\\", "http:/"), fc.constantFrom(...BOARD_HOST_SPELLINGS, "metadata.google.internal", "0", "[fe80::1%25eth0]", "[::]", "a".repeat(300)), fc.constantFrom("", ":22", ":80", ":443", ":65536", "/%zz", "\u0000/")).map((parts) => parts.join("")),
    );
    const resolution = fc.constantFrom<string[]>(["93.184.216.34"], ["127.0.0.1"], ["10.0.0.1", "93.184.216.34"], ["::1"], ["::ffff:169.254.169.254"], []);
    const samples = fc.sample(fc.tuple(input, resolution), { numRuns: 3_000, seed: 6_601 });
    for (const [text, addresses] of samples) {
      const resolveHost: ResolveHost = async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
      const outcome = await assertPublicUrl(text, { resolveHost }).then(
        (url) => {
          const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
          if (!["http:", "https:"].includes(url.protocol) || ![80, 443].includes(port)) return `accepted ${url.href}`;
          const literal = url.hostname.replace(/^\[|\]$/g, "");
          if (isIP(literal)) return isPublicAddress(literal) ? null : `accepted the private address ${url.href}`;
          if (addresses.length !== 1 || addresses[0] !== "93.184.216.34") return `accepted ${url.href} although it resolves to ${addresses.join(", ")}`;
          return null;
        },
        (error: unknown) => (error instanceof ScrapeError ? null : `threw ${String(error)}`),
      );
      if (outcome) throw new Error(`${JSON.stringify(text)}: ${outcome} (seed 6601)`);
    }
  }, TIMEOUT_MS);
});
