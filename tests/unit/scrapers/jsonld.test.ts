import { describe, expect, it } from "vitest";
import { jsonld } from "@/scrapers/jsonld";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const listing = boardFixture("jsonld", "helix-careers.html");
const staffPage = boardFixture("jsonld", "helix-staff-ml-engineer.html");
const researchPage = boardFixture("jsonld", "helix-research-scientist.html");
const brokenPage = boardFixture("jsonld", "helix-broken-jsonld.html");

describe("jsonld parse", () => {
  it("finds a JobPosting in @graph and follows its hiringOrganization reference", () => {
    const [posting] = jsonld.parse(staffPage, { url: "https://helixlabs.example/careers/staff-ml-engineer" });
    expect(posting).toMatchObject({
      externalId: "HX-2026-118",
      title: "Staff ML Engineer, Training Infrastructure",
      company: "Helix Labs",
      url: "https://helixlabs.example/careers/staff-ml-engineer",
      remoteHint: "remote",
      remoteEligibility: ["USA", "Canada"],
      employmentType: "FULL_TIME, CONTRACTOR",
      salary: { min: 220000, max: 285000, currency: "USD", interval: "YEAR" },
      postedAt: "2026-09-01T00:00:00.000Z",
      raw: { identifier: "HX-2026-118", validThrough: "2026-11-30T23:59:59.000Z", directApply: false, industry: "Biotechnology" },
    });
  });

  it("decodes an HTML-encoded description exactly once", () => {
    const [posting] = jsonld.parse(staffPage, { url: "https://helixlabs.example/careers/staff-ml-engineer" });
    expect(posting?.descriptionHtml).toBe(
      "<p>Helix Labs trains 70B-parameter models for drug discovery.</p><ul><li>Own our FSDP &amp; JAX training stack</li><li>Cut time-to-first-token by 40%</li></ul>",
    );
  });

  it("reads arrays, @type lists, string organizations, Place/PostalAddress lists and a single value salary", () => {
    const [posting] = jsonld.parse(researchPage, { url: "https://helixlabs.example/careers/research-scientist" });
    expect(posting).toMatchObject({
      title: "Research Scientist, Multimodal & Vision",
      company: "Helix Labs GmbH",
      // Relative url resolved against the page; without an identifier the URL is the id.
      url: "https://helixlabs.example/careers/research-scientist?src=ld",
      externalId: "https://helixlabs.example/careers/research-scientist?src=ld",
      locations: ["Berlin, BE, DE", "München, DE"],
      employmentType: "FULL_TIME",
      salary: { min: 95000, max: 95000, currency: "EUR", interval: "YEAR" },
      postedAt: "2026-08-20T07:30:00.000Z",
    });
    expect(posting?.remoteHint).toBeUndefined();
    expect(posting?.descriptionHtml).toContain("vision–language models");
  });

  it("finds nothing, without failing, on pages whose JSON-LD is not a JobPosting", () => {
    expect(jsonld.parse(listing, { url: "https://helixlabs.example/careers" })).toEqual([]);
    expect(jsonld.parse('<html><script type="application/ld+json">  </script></html>', { url: "https://helixlabs.example/" })).toEqual([]);
  });

  it("falls back to the source's company, then the host, when the posting names no organization", () => {
    const page = `<script type="application/ld+json">{"@type":"JobPosting","title":"ML Engineer"}</script>`;
    expect(jsonld.parse(page, { url: "https://careers.acme.example/jobs/1", companyName: "Acme" })[0]).toMatchObject({ company: "Acme", externalId: "https://careers.acme.example/jobs/1" });
    expect(jsonld.parse(page, { url: "https://careers.acme.example/jobs/1" })[0]?.company).toBe("careers.acme.example");
  });

  it("gives several postings on one page distinct ids", () => {
    const page = `<script type="application/ld+json">[{"@type":"JobPosting","title":"A"},{"@type":"JobPosting","title":"B"}]</script>`;
    expect(jsonld.parse(page, { url: "https://acme.example/jobs" }).map((posting) => posting.externalId)).toEqual([
      "https://acme.example/jobs#1",
      "https://acme.example/jobs#2",
    ]);
  });
});

describe("jsonld malformed payloads", () => {
  it("rejects a page whose only JSON-LD block is broken", () => {
    expect(() => jsonld.parse(brokenPage, { url: "https://helixlabs.example/careers/x" })).toThrow(PayloadError);
    expect(() => jsonld.parse(brokenPage, { url: "https://helixlabs.example/careers/x" })).toThrow(/^jsonld payload: script\[type="application\/ld\+json"\] #1: not valid JSON$/);
  });

  it.each([
    ["a JobPosting without a title", `<script type="application/ld+json">{"@type":"JobPosting","description":"x"}</script>`, /^jsonld payload: JobPosting\[0\]\.title: expected string, received undefined$/],
    ["a numeric title", `<script type="application/ld+json">{"@graph":[{"@type":"JobPosting","title":42}]}</script>`, /^jsonld payload: JobPosting\[0\]\.title: expected string, received number$/],
    ["a JobPosting without any URL", `<script type="application/ld+json">{"@type":"JobPosting","title":"ML","hiringOrganization":"Acme"}</script>`, /^jsonld payload: posting 0 \(posting#1\): url: Invalid URL$/],
  ])("rejects %s", (_name, page, message) => {
    expect(() => jsonld.parse(page, {})).toThrow(PayloadError);
    expect(() => jsonld.parse(page, {})).toThrow(message);
  });
});

describe("jsonld normalizeToken", () => {
  it("keeps a career page URL, without its fragment", () => {
    expect(jsonld.normalizeToken("https://helixlabs.example/careers#open-roles")).toBe("https://helixlabs.example/careers");
    expect(jsonld.normalizeToken("helixlabs.example/careers")).toBe("https://helixlabs.example/careers");
  });

  it.each(["", "careers", "ftp://helixlabs.example/careers", "https://"])("rejects %j", (input) => {
    expect(() => jsonld.normalizeToken(input)).toThrow(/jsonld: .* is not the URL of a career page/);
  });
});

describe("jsonld scrape", () => {
  async function helixSite() {
    const board = await startBoardServer();
    board.server.route("/careers", listing);
    board.server.route("/careers/staff-ml-engineer", staffPage);
    board.server.route("/careers/research-scientist", researchPage);
    return board;
  }

  it("follows the listing's same-host job links, once each, and reads their postings", async () => {
    const board = await helixSite();
    const context = board.context(`${board.server.url}/careers`);
    const outcome = await jsonld.scrape(context);
    expect(outcome.unchanged).toBe(false);
    if (outcome.unchanged) return;
    expect(outcome.pages).toBe(3);
    expect(outcome.postings.map((posting) => posting.title)).toEqual(["Staff ML Engineer, Training Infrastructure", "Research Scientist, Multimodal & Vision"]);
    expect(outcome.postings[1]?.url).toBe(`${board.server.url}/careers/research-scientist?src=ld`);
    const visited = board.server.requests.map((request) => request.path).filter((path) => path !== "/robots.txt");
    expect(visited).toEqual(["/careers", "/careers/staff-ml-engineer", "/careers/research-scientist"]);
    expect(context.progress.at(-1)).toEqual({ pages: 3, postings: 2 });
  });

  it("follows no more links than maxPages allows", async () => {
    const board = await helixSite();
    const outcome = await jsonld.scrape(board.context(`${board.server.url}/careers`, { maxPages: 2 }));
    expect(outcome.unchanged === false && outcome.postings.map((posting) => posting.externalId)).toEqual(["HX-2026-118"]);
  });

  it("reads a posting page on its own, and reports unchanged when it answers 304", async () => {
    const board = await helixSite();
    const first = board.context(`${board.server.url}/careers/staff-ml-engineer`);
    const outcome = await jsonld.scrape(first);
    expect(outcome).toMatchObject({ unchanged: false, pages: 1 });
    const second = board.context(`${board.server.url}/careers/staff-ml-engineer`, { validators: first.validators() });
    expect(await jsonld.scrape(second)).toEqual({ unchanged: true, pages: 1 });
  });

  it("names the followed page whose JSON-LD is broken", async () => {
    const board = await helixSite();
    board.server.route("/careers/research-scientist", brokenPage);
    await expect(jsonld.scrape(board.context(`${board.server.url}/careers`))).rejects.toThrow(
      new RegExp(`^${board.server.url}/careers/research-scientist: jsonld payload: script`),
    );
  });
});
