import { describe, expect, it } from "vitest";
import { personio } from "@/scrapers/personio";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const feed = boardFixture("personio", "brightloop-feed.xml");

describe("personio parse", () => {
  const [speech, student] = personio.parse(feed, { token: "brightloop" });

  it("reads positions with offices, sections, keywords and salary", () => {
    expect(speech).toMatchObject({
      externalId: "1904411",
      title: "Senior Machine Learning Engineer (m/w/d) – Speech",
      company: "Brightloop Labs GmbH",
      url: "https://brightloop.jobs.personio.de/job/1904411",
      locations: ["Munich", "Berlin", "Remote (Germany)"],
      employmentType: "permanent",
      department: "Machine Learning",
      salary: { min: 85000, max: 110000, currency: "EUR", interval: "yearly" },
      postedAt: "2026-08-18T07:12:44.000Z",
      raw: { keywords: ["ASR", "speech", "PyTorch", "on-device"], schedule: "full-time", yearsOfExperience: "5-7", recruitingCategory: "Engineering" },
    });
    expect(speech?.remoteHint).toBeUndefined();
  });

  it("puts each named section under a heading and skips empty ones; CDATA HTML is kept as written", () => {
    expect(speech?.descriptionHtml).toBe(
      "<h3>Deine Aufgaben</h3><ul><li>Train streaming ASR models for German dialects &amp; Swiss German</li><li>Ship on-device inference with &lt;200 ms latency</li></ul>\n<h3>Your profile</h3><p>5+ years with PyTorch; Kaldi or NeMo experience is a plus.</p>",
    );
  });

  it("handles a position without subcompany, sections or salary", () => {
    expect(student).toMatchObject({ company: "brightloop", locations: ["Munich"], employmentType: "working_student", raw: { keywords: [] } });
    expect(student?.descriptionHtml).toBeUndefined();
    expect(student?.salary).toBeUndefined();
  });

  it("builds job links on the .com host for tenants there, and from the feed URL when there is no token", () => {
    expect(personio.parse(feed, { token: "brightloop.jobs.personio.com" })[0]?.url).toBe("https://brightloop.jobs.personio.com/job/1904411");
    expect(personio.parse(feed, { url: "https://brightloop.jobs.personio.de/xml?language=en" })[0]?.url).toBe("https://brightloop.jobs.personio.de/job/1904411");
  });

  it("reads an empty feed as no postings", () => {
    expect(personio.parse('<?xml version="1.0"?><workzag-jobs>\n</workzag-jobs>', { token: "brightloop" })).toEqual([]);
  });
});

describe("personio malformed payloads", () => {
  it.each([
    ["truncated XML", feed.slice(0, 700), /^personio payload: not valid XML \(line \d+: /],
    ["another root element", "<jobs><job/></jobs>", /^personio payload: workzag-jobs: expected/],
    ["a position without a name", "<workzag-jobs><position><id>1</id></position></workzag-jobs>", /^personio payload: workzag-jobs\.position\[0\]\.name: expected string, received undefined$/],
    ["an HTML error page", "<!DOCTYPE html><html><body><p>Not found<br></body></html>", /^personio payload: not valid XML/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => personio.parse(body, { token: "brightloop" })).toThrow(PayloadError);
    expect(() => personio.parse(body, { token: "brightloop" })).toThrow(message);
  });
});

describe("personio normalizeToken", () => {
  it.each([
    ["brightloop", "brightloop"],
    ["https://brightloop.jobs.personio.de/", "brightloop"],
    ["https://Brightloop.jobs.personio.de/job/1904411?language=en", "brightloop"],
    ["https://brightloop.jobs.personio.com/xml", "brightloop.jobs.personio.com"],
    ["brightloop.jobs.personio.com", "brightloop.jobs.personio.com"],
  ])("%s → %s", (input, token) => {
    expect(personio.normalizeToken(input)).toBe(token);
  });

  it.each(["", "https://www.personio.de/", "bright loop"])("rejects %j", (input) => {
    expect(() => personio.normalizeToken(input)).toThrow(/personio: cannot read a board token/);
  });
});

describe("personio scrape", () => {
  it("fetches the English XML feed, then reports unchanged on a 304", async () => {
    const url = "https://brightloop.jobs.personio.de/xml?language=en";
    const board = await startBoardServer({ [url]: { body: feed, headers: { "content-type": "application/xml" } } });
    const first = board.context("brightloop");
    const outcome = await personio.scrape(first);
    expect(outcome.unchanged === false && outcome.postings.map((posting) => posting.externalId)).toEqual(["1904411", "1904412"]);
    expect(await personio.scrape(board.context("brightloop", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });
});
