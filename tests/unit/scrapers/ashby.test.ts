import { describe, expect, it } from "vitest";
import { ashby } from "@/scrapers/ashby";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const payload = boardFixture("ashby", "kestrel-job-board.json");
const API = "https://api.ashbyhq.com/posting-api/job-board/kestrel?includeCompensation=true";

describe("ashby parse", () => {
  const postings = ashby.parse(payload, { token: "kestrel", companyName: "Kestrel Bio" });
  const [principal, scientist, infra] = postings;

  it("drops unlisted jobs and reads the rest", () => {
    expect(postings.map((posting) => posting.title)).toEqual([
      "Principal ML Engineer, Protein Design",
      "Senior Research Scientist, Generative Chemistry",
      "ML Infrastructure Lead",
    ]);
    expect(principal).toMatchObject({
      externalId: "8e1f3c52-6a0d-4d7b-9b2e-3f4c5d6e7a81",
      company: "Kestrel Bio",
      url: "https://jobs.ashbyhq.com/kestrel/8e1f3c52-6a0d-4d7b-9b2e-3f4c5d6e7a81",
      applyUrl: "https://jobs.ashbyhq.com/kestrel/8e1f3c52-6a0d-4d7b-9b2e-3f4c5d6e7a81/application",
      locations: ["Remote (US)", "Boston, MA"],
      remoteHint: "remote",
      employmentType: "FullTime",
      department: "Machine Learning",
      postedAt: "2026-09-01T14:30:00.125Z",
      raw: { team: "Foundation Models", isRemote: true, workplaceType: "Remote" },
    });
  });

  it("spans the tiers' Salary components when the summary has none", () => {
    expect(principal?.salary).toEqual({ min: 215000, max: 310000, currency: "USD", interval: "1 YEAR", text: "$215K – $310K • Offers Equity" });
    expect(principal?.raw?.compensationTiers).toHaveLength(2);
  });

  it("leaves salary out when compensation is empty or absent", () => {
    expect(scientist?.salary).toBeUndefined();
    expect(infra?.salary).toBeUndefined();
  });

  it("keeps Ashby's HTML as it is (entities and unicode untouched) and the plain text beside it", () => {
    expect(principal?.descriptionHtml).toContain("ΔΔG &gt; 1 kcal/mol");
    expect(principal?.descriptionText).toContain("ΔΔG > 1 kcal/mol");
    expect(scientist?.descriptionHtml).toBe("<p>🧪 Three days a week in our Cambridge lab; the rest is yours.</p>");
  });

  it("uses workplaceType, not isRemote, for the hint; the postal address when location is blank", () => {
    expect(scientist?.remoteHint).toBe("hybrid");
    expect(infra).toMatchObject({ remoteHint: "onsite", locations: ["South San Francisco, California, United States"], employmentType: "Contract" });
  });

  it("falls back to the token for the company", () => {
    expect(ashby.parse(payload, { token: "kestrel" })[0]?.company).toBe("kestrel");
  });
});

describe("ashby malformed payloads", () => {
  it.each([
    ["truncated JSON", payload.slice(0, 200), /^ashby payload: not valid JSON/],
    ["an empty object", "{}", /^ashby payload: jobs: expected array, received undefined$/],
    ["a numeric minValue as text", JSON.stringify({ jobs: [{ id: "a", title: "ML", jobUrl: "https://jobs.ashbyhq.com/k/a", compensation: { summaryComponents: [{ compensationType: "Salary", minValue: "200000" }] } }] }), /^ashby payload: jobs\[0\]\.compensation\.summaryComponents\[0\]\.minValue: expected number, received string$/],
    ["isListed as text", JSON.stringify({ jobs: [{ id: "a", title: "ML", jobUrl: "https://jobs.ashbyhq.com/k/a", isListed: "yes" }] }), /^ashby payload: jobs\[0\]\.isListed: expected boolean, received string$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => ashby.parse(body, { token: "kestrel" })).toThrow(PayloadError);
    expect(() => ashby.parse(body, { token: "kestrel" })).toThrow(message);
  });
});

describe("ashby normalizeToken", () => {
  it.each([
    ["cursor", "cursor"],
    ["https://jobs.ashbyhq.com/HighlightTA", "HighlightTA"],
    ["https://jobs.ashbyhq.com/wealth-com/8e1f3c52-6a0d-4d7b-9b2e-3f4c5d6e7a81", "wealth-com"],
    ["https://api.ashbyhq.com/posting-api/job-board/kestrel?includeCompensation=true", "kestrel"],
  ])("%s → %s (case kept)", (input, token) => {
    expect(ashby.normalizeToken(input)).toBe(token);
  });

  it.each(["", "https://jobs.lever.co/kestrel", "kestrel/jobs?x"])("rejects %j", (input) => {
    expect(() => ashby.normalizeToken(input)).toThrow(/ashby: cannot read a board token/);
  });
});

describe("ashby scrape", () => {
  it("asks for compensation, then reports unchanged on a 304", async () => {
    const board = await startBoardServer({ [API]: payload });
    const first = board.context("https://jobs.ashbyhq.com/kestrel");
    const outcome = await ashby.scrape(first);
    expect(outcome.unchanged === false && outcome.postings).toHaveLength(3);
    expect(await ashby.scrape(board.context("kestrel", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });

  it("names postings after the source's company when one is set", async () => {
    const board = await startBoardServer({ [API]: payload });
    const outcome = await ashby.scrape(board.context("kestrel", { companyName: "Kestrel Bio" }));
    expect(outcome.unchanged === false && new Set(outcome.postings.map((posting) => posting.company))).toEqual(new Set(["Kestrel Bio"]));
  });

  it("lets a missing board fail as the HTTP client reports it", async () => {
    const board = await startBoardServer();
    await expect(ashby.scrape(board.context("kestrel"))).rejects.toMatchObject({ kind: "permanent" });
  });
});
