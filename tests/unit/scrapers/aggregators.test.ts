import { describe, expect, it } from "vitest";
import { remoteok } from "@/scrapers/remoteok";
import { remotive } from "@/scrapers/remotive";
import { PayloadError } from "@/scrapers/types";
import { weworkremotely } from "@/scrapers/weworkremotely";
import { boardFixture, startBoardServer } from "./board-server";

const remoteOkPayload = boardFixture("remoteok", "remoteok-api.json");
const remotivePayload = boardFixture("remotive", "remotive-ai-ml.json");
const wwrFeed = boardFixture("weworkremotely", "back-end-programming-feed.rss");

describe("remoteok", () => {
  const [lumina, quanta] = remoteok.parse(remoteOkPayload, {});

  it("skips the legal notice and reads jobs as remote", () => {
    expect(remoteok.parse(remoteOkPayload, {})).toHaveLength(2);
    expect(lumina).toMatchObject({
      externalId: "1140001",
      title: "Senior Machine Learning Engineer & Ranking Lead",
      company: "Lumina Search",
      url: "https://remoteok.com/remote-jobs/remote-senior-machine-learning-engineer-ranking-lumina-1140001",
      locations: ["Europe"],
      remoteHint: "remote",
      salary: { min: 140000, max: 185000, currency: "USD", interval: "year" },
      postedAt: "2026-09-09T08:00:00.000Z",
      raw: { tags: ["machine learning", "python", "senior"] },
    });
  });

  it("repairs UTF-8 that was decoded as Latin-1", () => {
    expect(lumina?.descriptionHtml).toBe("<p>We’re building search for 40M shoppers — join us.</p><p>Zürich or anywhere in CET ±2h.</p>");
  });

  it("treats 0 salaries and empty locations as unknown; epoch seconds as the date", () => {
    expect(quanta).toMatchObject({ externalId: "1140002", locations: [], postedAt: "2026-09-08T08:00:00.000Z" });
    expect(quanta?.salary).toBeUndefined();
  });

  it.each([
    ["truncated JSON", remoteOkPayload.slice(0, 90), /^remoteok payload: not valid JSON/],
    ["an object instead of the array", "{}", /^remoteok payload: expected array, received object$/],
    ["a job without position", JSON.stringify([{ legal: "…" }, { id: "1", company: "A", url: "https://remoteok.com/x" }]), /^remoteok payload: \[1\]\.position: expected string, received undefined$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => remoteok.parse(body, {})).toThrow(PayloadError);
    expect(() => remoteok.parse(body, {})).toThrow(message);
  });

  it("has one feed: the token is 'all'", () => {
    expect(["all", "RemoteOK", "https://remoteok.com/api", "remoteok.com"].map(remoteok.normalizeToken)).toEqual(["all", "all", "all", "all"]);
    expect(() => remoteok.normalizeToken("https://remoteok.com/remote-dev-jobs")).toThrow(/remoteok: cannot read a board token/);
  });

  it("asks for a followed link back and names Remote OK as the source", () => {
    expect(remoteok.terms).toMatchObject({ boardName: "Remote OK", listingAllowed: true });
    expect(remoteok.terms.attribution).toMatch(/Remote OK/);
  });

  it("scrapes the API and reports unchanged on a 304", async () => {
    const board = await startBoardServer({ "https://remoteok.com/api": remoteOkPayload });
    const first = board.context("all");
    expect((await remoteok.scrape(first)).unchanged).toBe(false);
    expect(await remoteok.scrape(board.context("all", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });
});

describe("remotive", () => {
  const [tandem, nimbus, evalhaus] = remotive.parse(remotivePayload, {});

  it("reads jobs: text salary, eligibility list, time-zone-less dates as UTC", () => {
    expect(tandem).toMatchObject({
      externalId: "2210001",
      title: "Lead ML Engineer, Recommendations",
      company: "Tandem & Co",
      remoteHint: "remote",
      remoteEligibility: ["Europe", "UK", "Israel"],
      employmentType: "full_time",
      department: "AI / ML",
      salary: { text: "€120k - €150k" },
      postedAt: "2026-09-08T17:45:00.000Z",
    });
    expect(nimbus?.salary).toBeUndefined();
    expect(nimbus?.descriptionHtml).toBeUndefined();
    expect(evalhaus?.salary).toEqual({ text: "$90 - $120 /hour" });
  });

  it("is disabled by default with the reason its terms give", () => {
    expect(remotive.terms.listingAllowed).toBe(false);
    expect(remotive.terms.disabledReason).toMatch(/third-party job sites/);
  });

  it.each([
    ["truncated JSON", remotivePayload.slice(0, 150), /^remotive payload: not valid JSON/],
    ["an empty object", "{}", /^remotive payload: jobs: expected array, received undefined$/],
    ["a job id that is an object", JSON.stringify({ jobs: [{ id: {}, url: "https://remotive.com/x", title: "ML", company_name: "A" }] }), /^remotive payload: jobs\[0\]\.id: expected number or string, received object$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => remotive.parse(body, {})).toThrow(PayloadError);
    expect(() => remotive.parse(body, {})).toThrow(message);
  });

  it("reads a category from a token or URL, and scrapes that category", async () => {
    expect(["all", "https://remotive.com/api/remote-jobs?category=ai-ml", "https://remotive.com/remote-jobs/ai-ml", "https://remotive.com/"].map(remotive.normalizeToken)).toEqual([
      "all",
      "ai-ml",
      "ai-ml",
      "all",
    ]);
    const board = await startBoardServer({ "https://remotive.com/api/remote-jobs?category=ai-ml": remotivePayload });
    const outcome = await remotive.scrape(board.context("ai-ml"));
    expect(outcome.unchanged === false && outcome.postings).toHaveLength(3);
  });
});

describe("weworkremotely", () => {
  const [northwind, ledgerly] = weworkremotely.parse(wwrFeed, {});

  it("splits 'Company: Role' on the first colon and decodes the HTML once", () => {
    expect(northwind).toMatchObject({
      externalId: "https://weworkremotely.com/remote-jobs/northwind-ai-senior-machine-learning-engineer-search-ranking",
      title: "Senior Machine Learning Engineer (Search & Ranking)",
      company: "Northwind AI",
      url: "https://weworkremotely.com/remote-jobs/northwind-ai-senior-machine-learning-engineer-search-ranking",
      remoteHint: "remote",
      remoteEligibility: ["Europe Only"],
      employmentType: "Full-Time",
      department: "Back-End Programming",
      postedAt: "2026-09-08T14:05:00.000Z",
      raw: { country: "Germany", state: "Berlin", skills: ["Python", "PyTorch", "Elasticsearch"], expiresAt: "2026-10-08T14:05:00.000Z" },
    });
    expect(northwind?.descriptionHtml).toContain('<img src="https://we-work-remotely.imgix.net/logos/0200/0001/logo.png?ixlib=rails-4.0.0&amp;w=50&amp;h=50" />');
    expect(northwind?.descriptionHtml).toContain("<p>Build learning-to-rank models for 12 European marketplaces. Pay is €95,000–€120,000 a year.</p>");
    expect(ledgerly).toMatchObject({ company: "Ledgerly", title: "Staff Backend Engineer: Payments ML", descriptionHtml: "<p>Fraud models in Go &amp; Python.</p>" });
  });

  it("is disabled by default: its terms forbid use in a job search service", () => {
    expect(weworkremotely.terms.listingAllowed).toBe(false);
    expect(weworkremotely.terms.disabledReason).toMatch(/job search service/);
  });

  it.each([
    ["truncated XML", wwrFeed.slice(0, 600), /^weworkremotely payload: not valid XML/],
    ["an Atom feed", '<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>', /^weworkremotely payload: rss: expected object, received undefined$/],
    ["an item without a title", "<rss><channel><item><link>https://weworkremotely.com/x</link></item></channel></rss>", /^weworkremotely payload: rss\.channel\.item\[0\]\.title: expected string, received undefined$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => weworkremotely.parse(body, {})).toThrow(PayloadError);
    expect(() => weworkremotely.parse(body, {})).toThrow(message);
  });

  it("reads a category feed from a token or URL, and scrapes it", async () => {
    expect(
      ["all", "https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss", "https://weworkremotely.com/categories/remote-back-end-programming-jobs", "https://weworkremotely.com/remote-jobs.rss"].map(
        weworkremotely.normalizeToken,
      ),
    ).toEqual(["all", "back-end-programming", "back-end-programming", "all"]);
    const feedUrl = "https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss";
    const board = await startBoardServer({ [feedUrl]: wwrFeed });
    const first = board.context("back-end-programming");
    expect((await weworkremotely.scrape(first)).unchanged).toBe(false);
    expect(await weworkremotely.scrape(board.context("back-end-programming", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });
});
