import { describe, expect, it } from "vitest";
import { PayloadError } from "@/scrapers/types";
import { workday } from "@/scrapers/workday";
import { boardFixture, startBoardServer } from "./board-server";

const TOKEN = "lumenova.wd5.myworkdayjobs.com/lumenova/External";
const API = "https://lumenova.wd5.myworkdayjobs.com/wday/cxs/lumenova/External";
const firstPage = boardFixture("workday", "lumenova-jobs-offset-0.json");
const secondPage = boardFixture("workday", "lumenova-jobs-offset-20.json");
const detail = boardFixture("workday", "lumenova-job-JR200200.json");

describe("workday parse", () => {
  it("reads a list page: job links built from the site, '2 Locations' is not a place", () => {
    const [inference, recommenders] = workday.parse(secondPage, { token: TOKEN });
    expect(inference).toMatchObject({
      externalId: "Senior-Staff-ML-Engineer--LLM-Inference_JR200200",
      title: "Senior Staff ML Engineer, LLM Inference",
      company: "lumenova",
      url: "https://lumenova.wd5.myworkdayjobs.com/External/job/USA-CA-Santa-Clara/Senior-Staff-ML-Engineer--LLM-Inference_JR200200",
      locations: [],
      remoteHint: "hybrid",
      raw: { postedOn: "Posted Yesterday", bulletFields: ["JR200200"] },
    });
    expect(inference?.postedAt).toBeUndefined();
    expect(recommenders).toMatchObject({ locations: ["Germany, Munich"], remoteHint: "remote" });
  });

  it("reads a detail: description, places, time type, start date, hiring organization", () => {
    const [posting] = workday.parse(detail, { token: TOKEN });
    expect(posting).toMatchObject({
      externalId: "Senior-Staff-ML-Engineer--LLM-Inference_JR200200",
      company: "Lumenova Systems, Inc.",
      url: "https://lumenova.wd5.myworkdayjobs.com/External/job/USA-CA-Santa-Clara/Senior-Staff-ML-Engineer--LLM-Inference_JR200200",
      locations: ["USA, CA, Santa Clara", "USA, WA, Seattle"],
      remoteHint: "hybrid",
      employmentType: "Full time",
      postedAt: "2026-09-10T00:00:00.000Z",
      raw: { jobReqId: "JR200200", country: "United States of America", canApply: true },
    });
    expect(posting?.descriptionHtml).toContain("KV-cache paging &amp; speculative decoding");
  });

  it("reads a detail without a token, from its own job link", () => {
    expect(workday.parse(detail, {})[0]?.company).toBe("Lumenova Systems, Inc.");
  });

  it("needs the site to read a list, and says so", () => {
    expect(() => workday.parse(secondPage, { token: "lumenova" })).toThrow(/workday: parsing a list needs the site token/);
  });
});

describe("workday malformed payloads", () => {
  it.each([
    ["truncated JSON", firstPage.slice(0, 80), /^workday payload: not valid JSON/],
    ["an empty object", "{}", /^workday payload: jobPostings: expected array, received undefined$/],
    ["a posting without externalPath", JSON.stringify({ jobPostings: [{ title: "ML" }] }), /^workday payload: jobPostings\[0\]\.externalPath: expected string, received undefined$/],
    ["a detail without jobPostingId", JSON.stringify({ jobPostingInfo: { title: "ML" } }), /^workday payload: jobPostingInfo\.jobPostingId: expected string, received undefined$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => workday.parse(body, { token: TOKEN })).toThrow(PayloadError);
    expect(() => workday.parse(body, { token: TOKEN })).toThrow(message);
  });
});

describe("workday normalizeToken", () => {
  it.each([
    ["https://lumenova.wd5.myworkdayjobs.com/External", TOKEN],
    ["https://lumenova.wd5.myworkdayjobs.com/en-US/External/job/USA-CA-Santa-Clara/ML-Engineer_JR1", TOKEN],
    ["https://lumenova.wd5.myworkdayjobs.com/wday/cxs/lumenova/External/jobs", TOKEN],
    ["https://wd3.myworkdaysite.com/en-US/recruiting/acme/Careers", "wd3.myworkdaysite.com/acme/Careers"],
    [TOKEN, TOKEN],
  ])("%s → %s", (input, token) => {
    expect(workday.normalizeToken(input)).toBe(token);
  });

  it.each(["", "lumenova", "https://lumenova.wd5.myworkdayjobs.com/", "https://careers.lumenova.example/External"])("rejects %j", (input) => {
    expect(() => workday.normalizeToken(input)).toThrow(/workday: cannot read a board token/);
  });
});

describe("workday scrape", () => {
  it("posts the search page by page, then fetches each posting's detail", async () => {
    const board = await startBoardServer();
    board.route(`${API}/jobs`, (request, response) => {
      const { offset, limit } = JSON.parse(request.body) as { offset: number; limit: number };
      expect(limit).toBe(20);
      response.writeHead(200, { "content-type": "application/json" }).end(offset === 0 ? firstPage : secondPage);
    });
    const listed = [...(JSON.parse(firstPage) as { jobPostings: Array<{ externalPath: string }> }).jobPostings];
    for (const { externalPath } of listed) {
      const id = externalPath.split("/").at(-1)!;
      board.route(`${API}${externalPath}`, detail.replaceAll("Senior-Staff-ML-Engineer--LLM-Inference_JR200200", id));
    }
    board.route(`${API}/job/USA-CA-Santa-Clara/Senior-Staff-ML-Engineer--LLM-Inference_JR200200`, detail);
    // The second posting closed before its detail was read.
    board.route(`${API}/job/Germany-Munich/Principal-Applied-Scientist--Recommenders_JR200201`, { status: 404, body: "{}" });

    const context = board.context("https://lumenova.wd5.myworkdayjobs.com/en-US/External");
    const outcome = await workday.scrape(context);
    expect(outcome.unchanged).toBe(false);
    if (outcome.unchanged) return;
    expect(outcome.postings).toHaveLength(22);
    const searches = board.server.requests.filter((request) => request.method === "POST");
    expect(searches.map((request) => (JSON.parse(request.body) as { offset: number }).offset)).toEqual([0, 20]);
    expect(outcome.postings.find((posting) => posting.externalId.endsWith("JR200200"))).toMatchObject({ employmentType: "Full time" });
    expect(outcome.postings.find((posting) => posting.externalId.endsWith("JR200201"))).toMatchObject({
      title: "Principal Applied Scientist, Recommenders",
      locations: ["Germany, Munich"],
    });
  });

  it("stops paging at maxPages", async () => {
    const board = await startBoardServer();
    board.route(`${API}/jobs`, (_request, response) => {
      response.writeHead(200).end(firstPage);
    });
    board.route(`${API}/job/USA-CA-Santa-Clara/Machine-Learning-Engineer-1_JR200100`, { status: 404 });
    const outcome = await workday.scrape(board.context(TOKEN, { maxPages: 1 }));
    expect(outcome.unchanged === false && outcome.postings).toHaveLength(20);
    expect(board.server.requests.filter((request) => request.method === "POST")).toHaveLength(1);
  });
});
