import { describe, expect, it } from "vitest";
import { hackernews } from "@/scrapers/hackernews";
import { cutHeader, readHeader, splitRoles } from "@/scrapers/hackernews/header";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const page0 = boardFixture("hackernews", "algolia-comments-page-0.json");
const page1 = boardFixture("hackernews", "algolia-comments-page-1.json");
const ALGOLIA = "https://hn.algolia.com/api/v1";
const commentsPage = (page: number) => `${ALGOLIA}/search?tags=comment,story_48800001&hitsPerPage=1000&page=${page}`;
const latestStories = `${ALGOLIA}/search_by_date?tags=story,author_whoishiring&hitsPerPage=30`;

describe("hackernews parse: Algolia search hits", () => {
  const postings = hackernews.parse(page0, {});
  const byId = new Map(postings.map((posting) => [posting.externalId, posting]));

  it("reads only top-level comments that still have text", () => {
    expect([...byId.keys()]).toEqual(["48800101", "48800102", "48800103#1", "48800103#2", "48800104#1", "48800104#2", "48800104#3", "48800107"]);
  });

  it("detects which header field is which, whatever their order", () => {
    expect(byId.get("48800101")).toMatchObject({
      company: "Quanta Forge",
      title: "Staff ML Engineer, Inference",
      url: "https://news.ycombinator.com/item?id=48800101",
      applyUrl: "https://jobs.ashbyhq.com/quantaforge/5e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b",
      remoteHint: "remote",
      remoteEligibility: ["US/Canada"],
      salary: { text: "$210k–$260k + equity" },
      postedAt: "2026-10-01T15:12:09.000Z",
      raw: { author: "qf_hiring", storyId: "48800001" },
    });
    expect(byId.get("48800107")).toMatchObject({
      company: "Zürich Quant AG",
      title: "Senior ML Engineer (Time Series)",
      locations: ["Zürich, Switzerland"],
      remoteHint: "onsite",
      salary: { text: "CHF 140'000–170'000" },
    });
  });

  it("splits a header on dashes when it has no pipes, without splitting salary ranges", () => {
    expect(byId.get("48800102")).toMatchObject({
      company: "Lumen Bio",
      title: "Senior Research Engineer",
      locations: ["Boston, MA"],
      remoteHint: "onsite",
      employmentType: "Full-time",
    });
    expect(byId.get("48800102")?.applyUrl).toBeUndefined();
  });

  it("keeps the text after the header as the description, paragraphs closed, entities as HN wrote them", () => {
    expect(byId.get("48800107")?.descriptionHtml).toBe("<p>Wir suchen jemanden für &quot;probabilistic forecasting&quot; &amp; Risiko.</p>");
    expect(byId.get("48800101")?.descriptionHtml).toMatch(/^<p>We serve 3B tokens a day .*<\/p>\n<p>Stack: Python, CUDA, Triton, vLLM\.<\/p>\n<p>Apply: <a href=/);
  });

  it("turns a bulleted list of roles into one posting each, with each role's own link", () => {
    expect([byId.get("48800103#1"), byId.get("48800103#2")]).toMatchObject([
      { title: "Senior MLE, Search", applyUrl: "https://northwind.example/jobs/senior-mle-search", company: "Northwind AI", locations: ["Berlin, Germany"], remoteHint: "hybrid" },
      { title: "Lead Data Scientist (Experimentation)", applyUrl: "https://northwind.example/jobs/lead-data-scientist" },
    ]);
  });

  it("reads 'Roles: A, B, C' when the header only says Multiple roles", () => {
    expect(["48800104#1", "48800104#2", "48800104#3"].map((id) => byId.get(id)?.title)).toEqual(["Senior MLE", "Staff Infra Engineer", "Perception Lead"]);
    expect(byId.get("48800104#2")).toMatchObject({ locations: ["Pittsburgh, PA"], remoteHint: "onsite", applyUrl: "https://parsec.example/careers" });
  });

  it("splits 'A + B' in the header and reads labelled posts", () => {
    const later = hackernews.parse(page1, {});
    expect(later.map((posting) => [posting.externalId, posting.title, posting.company])).toEqual([
      ["48800201#1", "Applied Scientist", "Cinder Labs"],
      ["48800201#2", "ML Platform Engineer", "Cinder Labs"],
      ["48800202", "Principal Machine Learning Engineer", "Tidepool Analytics"],
    ]);
    expect(later[2]).toMatchObject({ remoteHint: "remote", remoteEligibility: ["EU"], salary: { text: "€120k-€150k" }, applyUrl: "https://tidepool.example/careers/principal-mle" });
  });

  it("reads no postings from the stories search (it finds the thread, it is not the thread)", () => {
    expect(hackernews.parse(boardFixture("hackernews", "algolia-latest-stories.json"), {})).toEqual([]);
  });
});

describe("hackernews parse: item tree and Firebase items", () => {
  it("takes the story's children from an Algolia item tree, skipping deleted ones and replies", () => {
    expect(hackernews.parse(boardFixture("hackernews", "algolia-item-tree.json"), {}).map((posting) => posting.externalId)).toEqual(["48800101"]);
  });

  it("takes the story's direct comments from Firebase items, skipping dead and deleted ones", () => {
    const postings = hackernews.parse(boardFixture("hackernews", "firebase-items.json"), {});
    expect(postings.map((posting) => [posting.externalId, posting.company, posting.postedAt])).toEqual([
      ["48800101", "Quanta Forge", "2026-10-01T15:12:09.000Z"],
      ["48800111", "Lumen Bio", "2026-10-01T15:27:21.000Z"],
    ]);
  });
});

describe("hackernews header reading", () => {
  it.each([
    ["Software Engineers, Product Managers & Data Scientists", ["Software Engineers", "Product Managers", "Data Scientists"]],
    ["Senior Infrastructure Engineer + Principal Software Engineer", ["Senior Infrastructure Engineer", "Principal Software Engineer"]],
    ["Backend Engineer (Mid-level & Senior)", ["Backend Engineer (Mid-level & Senior)"]],
    ["Staff, Fullstack & Frontend Software Engineers", ["Staff, Fullstack & Frontend Software Engineers"]],
  ])("splitRoles(%j)", (title, roles) => {
    expect(splitRoles(title)).toEqual(roles);
  });

  it("cuts a header that runs into prose after its last field", () => {
    expect(cutHeader("Acme | ML Engineer | NYC | ONSITE | https://acme.example We build things for people who build things")).toEqual({
      header: "Acme | ML Engineer | NYC | ONSITE | https://acme.example",
      rest: "We build things for people who build things",
    });
  });

  it("does not take prose with a dash for a header", () => {
    expect(readHeader("I have a new role open on my team: Staff Engineer – GenAI. We are building an enterprise platform that helps teams ship")).toBeUndefined();
  });
});

describe("hackernews malformed payloads", () => {
  it.each([
    ["truncated JSON", page0.slice(0, 500), /^hackernews payload: not valid JSON/],
    ["hits that are not a list", JSON.stringify({ hits: {} }), /^hackernews payload: hits: expected array, received object$/],
    ["a hit with a numeric objectID", JSON.stringify({ hits: [{ objectID: 1, comment_text: "x" }] }), /^hackernews payload: hits\[0\]\.objectID: expected string, received number$/],
    ["an empty object", "{}", /^hackernews payload: \[0\]\.id: expected number, received undefined$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => hackernews.parse(body, {})).toThrow(PayloadError);
    expect(() => hackernews.parse(body, {})).toThrow(message);
  });
});

describe("hackernews normalizeToken", () => {
  it.each([
    ["latest", "latest"],
    ["whoishiring", "latest"],
    ["48800001", "48800001"],
    ["https://news.ycombinator.com/item?id=48800001", "48800001"],
    ["https://hn.algolia.com/api/v1/items/48800001", "48800001"],
  ])("%s → %s", (input, token) => {
    expect(hackernews.normalizeToken(input)).toBe(token);
  });

  it.each(["", "https://news.ycombinator.com/news", "who's hiring"])("rejects %j", (input) => {
    expect(() => hackernews.normalizeToken(input)).toThrow(/hackernews: cannot read a board token/);
  });
});

describe("hackernews scrape", () => {
  it("finds the latest Who is hiring thread, pages through its comments, then reports unchanged on 304s", async () => {
    const board = await startBoardServer({
      [latestStories]: boardFixture("hackernews", "algolia-latest-stories.json"),
      [commentsPage(0)]: page0,
      [commentsPage(1)]: page1,
      [commentsPage(2)]: JSON.stringify({ hits: [], nbPages: 2, page: 2 }),
    });
    const first = board.context("latest");
    const outcome = await hackernews.scrape(first);
    expect(outcome.unchanged).toBe(false);
    if (outcome.unchanged) return;
    expect(outcome.pages).toBe(2);
    expect(outcome.postings).toHaveLength(11);
    expect(board.requestsTo(commentsPage(2))).toHaveLength(0);

    const second = board.context("https://news.ycombinator.com/item?id=48800001", { validators: first.validators() });
    expect(await hackernews.scrape(second)).toEqual({ unchanged: true, pages: 3 });
  });

  it("fails clearly when the account has no Who is hiring story", async () => {
    const board = await startBoardServer({ [latestStories]: JSON.stringify({ hits: [], nbPages: 0, page: 0 }) });
    await expect(hackernews.scrape(board.context("latest"))).rejects.toThrow(/no "Ask HN: Who is hiring\?" story/);
  });
});
