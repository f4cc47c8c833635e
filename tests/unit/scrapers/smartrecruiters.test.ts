import { describe, expect, it } from "vitest";
import { smartrecruiters } from "@/scrapers/smartrecruiters";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const secondPage = boardFixture("smartrecruiters", "parallax-postings-offset-100.json");
const detail = boardFixture("smartrecruiters", "parallax-posting-744000190000101.json");
const API = "https://api.smartrecruiters.com/v1/companies/ParallaxHealth/postings";
const listUrl = (offset: number) => `${API}?offset=${offset}&limit=100`;

type Item = { id: string; name: string } & Record<string, unknown>;
const pageTwoItems = (JSON.parse(secondPage) as { content: Item[] }).content;

/** A full first page whose last item reappears on the second page (the listing shifted mid-run). */
function firstPage(): { body: string; items: Item[] } {
  const template = pageTwoItems[0]!;
  const items = Array.from({ length: 100 }, (_unused, index) =>
    index === 99 ? template : { ...template, id: String(744000180000000 + index), name: `Data Scientist ${index + 1}` },
  );
  return { body: JSON.stringify({ offset: 0, limit: 100, totalFound: 102, content: items }), items };
}

function detailFor(item: Item): string {
  return JSON.stringify({ ...(JSON.parse(detail) as Item), id: item.id, name: item.name, postingUrl: `https://jobs.smartrecruiters.com/ParallaxHealth/${item.id}` });
}

describe("smartrecruiters parse", () => {
  it("reads a list page without descriptions", () => {
    const [nlp, mlops] = smartrecruiters.parse(secondPage, { token: "ParallaxHealth" });
    expect(nlp).toMatchObject({
      externalId: "744000190000101",
      title: "Senior Machine Learning Engineer, Clinical NLP",
      company: "Parallax Health AI",
      url: "https://jobs.smartrecruiters.com/ParallaxHealth/744000190000101",
      locations: ["Boston, MA, United States"],
      remoteHint: "remote",
      employmentType: "Full-time",
      department: "Data Science",
      postedAt: "2026-09-02T15:04:05.123Z",
      raw: { refNumber: "REF0101Q", departmentId: "2900101", experienceLevel: "Mid-Senior Level", language: "en" },
    });
    expect(nlp?.descriptionHtml).toBeUndefined();
    expect(mlops).toMatchObject({ title: "Lead MLOps Engineer", locations: ["Berlin, Germany"], remoteHint: "hybrid" });
  });

  it("reads a detail: sections with headings, posting and apply URLs, numeric department id", () => {
    const [posting] = smartrecruiters.parse(detail, { token: "ParallaxHealth" });
    expect(posting).toMatchObject({
      url: "https://jobs.smartrecruiters.com/ParallaxHealth/744000190000101-senior-machine-learning-engineer-clinical-nlp",
      applyUrl: "https://jobs.smartrecruiters.com/ParallaxHealth/744000190000101-senior-machine-learning-engineer-clinical-nlp?oga=true",
      raw: { departmentId: "2900101" },
    });
    expect(posting?.descriptionHtml).toBe(
      [
        "<h3>Company Description</h3><p>Parallax Health AI turns clinical notes into structured data&#xa0;for 300 hospitals.</p>",
        "<h3>Job Description</h3><p>Fine-tune and evaluate LLMs for ICD-10 coding; lead a team of 4.</p><ul><li>Own the labelling strategy</li></ul>",
        "<h3>Qualifications</h3><ul><li>5+ years NLP in production</li><li>HIPAA experience — a plus</li></ul>",
      ].join("\n"),
    );
  });
});

describe("smartrecruiters malformed payloads", () => {
  it.each([
    ["truncated JSON", secondPage.slice(0, 100), /^smartrecruiters payload: not valid JSON/],
    ["an empty object", "{}", /^smartrecruiters payload: content: expected array, received undefined$/],
    ["a numeric posting id", JSON.stringify({ content: [{ id: 744000190000101, name: "ML" }] }), /^smartrecruiters payload: content\[0\]\.id: expected string, received number$/],
    ["a remote flag as text", JSON.stringify({ content: [{ id: "1", name: "ML", location: { remote: "yes" } }] }), /^smartrecruiters payload: content\[0\]\.location\.remote: expected boolean, received string$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => smartrecruiters.parse(body, { token: "ParallaxHealth" })).toThrow(PayloadError);
    expect(() => smartrecruiters.parse(body, { token: "ParallaxHealth" })).toThrow(message);
  });
});

describe("smartrecruiters normalizeToken", () => {
  it.each([
    ["HireVue", "HireVue"],
    ["https://jobs.smartrecruiters.com/ParallaxHealth", "ParallaxHealth"],
    ["https://jobs.smartrecruiters.com/ParallaxHealth/744000190000101-senior-machine-learning-engineer", "ParallaxHealth"],
    ["https://careers.smartrecruiters.com/ABOUTYOUGmbH", "ABOUTYOUGmbH"],
    ["https://api.smartrecruiters.com/v1/companies/AutomationAnywhere1/postings", "AutomationAnywhere1"],
  ])("%s → %s (case kept)", (input, token) => {
    expect(smartrecruiters.normalizeToken(input)).toBe(token);
  });

  it.each(["", "Parallax Health", "https://example.com/ParallaxHealth"])("rejects %j", (input) => {
    expect(() => smartrecruiters.normalizeToken(input)).toThrow(/smartrecruiters: cannot read a board token/);
  });
});

describe("smartrecruiters scrape", () => {
  it("pages with offset/limit, dedupes repeats, and fetches each posting's detail", async () => {
    const page = firstPage();
    const board = await startBoardServer({ [listUrl(0)]: page.body, [listUrl(100)]: secondPage });
    for (const item of page.items) board.route(`${API}/${item.id}`, detailFor(item));
    // Closed between the list and the detail: the list's facts are kept.
    board.route(`${API}/744000190000102`, { status: 404, body: "not found" });

    const context = board.context("ParallaxHealth");
    const outcome = await smartrecruiters.scrape(context);
    expect(outcome.unchanged).toBe(false);
    if (outcome.unchanged) return;
    expect(outcome.postings).toHaveLength(101);
    expect(new Set(outcome.postings.map((posting) => posting.externalId)).size).toBe(101);
    const nlp = outcome.postings.find((posting) => posting.externalId === "744000190000101");
    expect(nlp?.descriptionHtml).toContain("<h3>Job Description</h3>");
    expect(nlp?.applyUrl).toMatch(/\?oga=true$/);
    const closed = outcome.postings.find((posting) => posting.externalId === "744000190000102");
    expect(closed).toMatchObject({ title: "Lead MLOps Engineer", descriptionHtml: undefined });
    expect(board.requestsTo(`${API}/744000190000101`)).toHaveLength(1);
    expect(context.progress.at(-1)).toEqual({ pages: outcome.pages, postings: 101 });
  });

  it("reports unchanged when the list pages answer 304, without fetching details", async () => {
    const page = firstPage();
    const board = await startBoardServer({
      [listUrl(0)]: page.body,
      [listUrl(100)]: secondPage,
      [listUrl(200)]: JSON.stringify({ offset: 200, limit: 100, totalFound: 102, content: [] }),
    });
    for (const item of [...page.items, ...pageTwoItems]) board.route(`${API}/${item.id}`, detailFor(item));
    const first = board.context("ParallaxHealth");
    await smartrecruiters.scrape(first);
    const detailsBefore = board.server.requests.length;

    const second = board.context("ParallaxHealth", { validators: first.validators() });
    expect(await smartrecruiters.scrape(second)).toEqual({ unchanged: true, pages: 3 });
    expect(board.server.requests.length - detailsBefore).toBe(3);
  });

  it("fails on a malformed detail instead of keeping a half-read posting", async () => {
    const board = await startBoardServer({ [listUrl(0)]: secondPage.replace('"offset": 100', '"offset": 0').replace('"totalFound": 102', '"totalFound": 2') });
    board.route(`${API}/744000190000101`, '{"id": 744000190000101}');
    board.route(`${API}/744000190000102`, detail);
    await expect(smartrecruiters.scrape(board.context("ParallaxHealth"))).rejects.toThrow(/^smartrecruiters payload: id: expected string, received number$/);
  });
});
