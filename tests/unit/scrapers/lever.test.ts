import { describe, expect, it } from "vitest";
import { lever } from "@/scrapers/lever";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const postingsPayload = boardFixture("lever", "driftwood-postings.json");
const page = (skip: number) => `https://api.lever.co/v0/postings/driftwood?mode=json&skip=${skip}&limit=100`;

/** A full first page: 100 postings shaped like the fixture's first one. */
function fullPage(): string {
  const [template] = JSON.parse(postingsPayload) as Array<Record<string, unknown>>;
  return JSON.stringify(
    Array.from({ length: 100 }, (_unused, index) => ({
      ...template,
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      text: `Machine Learning Engineer ${index + 1}`,
    })),
  );
}

describe("lever parse", () => {
  const [perception, intern, platform] = lever.parse(postingsPayload, { token: "driftwood", companyName: "Driftwood Robotics" });

  it("maps text, categories and workplaceType", () => {
    expect(perception).toMatchObject({
      externalId: "5f0c9a1e-3b7d-4c2a-9e61-0d8f2b7a4c11",
      title: "Senior Machine Learning Engineer, Perception",
      company: "Driftwood Robotics",
      url: "https://jobs.lever.co/driftwood/5f0c9a1e-3b7d-4c2a-9e61-0d8f2b7a4c11",
      applyUrl: "https://jobs.lever.co/driftwood/5f0c9a1e-3b7d-4c2a-9e61-0d8f2b7a4c11/apply",
      locations: ["Pittsburgh, PA", "Boston, MA"],
      remoteHint: "hybrid",
      employmentType: "Full-time",
      department: "Autonomy",
      postedAt: "2026-08-19T12:00:00.000Z",
      raw: { team: "Perception ML", country: "US" },
    });
    expect(intern).toMatchObject({ remoteHint: "onsite", locations: ["Zürich, Switzerland"], employmentType: "Intern" });
    expect(platform).toMatchObject({ remoteHint: "remote", locations: [], department: "ML Platform" });
  });

  it("keeps salaryRange as given, whatever its interval", () => {
    expect(perception?.salary).toEqual({ min: 185000, max: 240000, currency: "USD", interval: "per-year-salary" });
    expect(intern?.salary).toEqual({ min: 38, max: 45, currency: "CHF", interval: "per-hour-wage" });
    expect(platform?.salary).toBeUndefined();
  });

  it("assembles the description in the hosted page's order: body, titled lists, pay note, closing", () => {
    const html = perception?.descriptionHtml ?? "";
    const order = ["field fleet &amp; its simulation", "<h3>What you'll do</h3><ul><li>Train", "<h3>Requirements &amp; nice-to-haves</h3>", "base range reflects", "<b>Benefits</b>"];
    expect(order.map((part) => html.indexOf(part))).toEqual([...order.map((part) => html.indexOf(part))].sort((a, b) => a - b));
    expect(order.every((part) => html.includes(part))).toBe(true);
    expect(intern?.descriptionHtml).toBe("<p>Spend the summer on imitation learning for grasping — mit unserem Team in Zürich.</p>");
  });

  it("uses the site name as company when the source has none", () => {
    expect(lever.parse(postingsPayload, { token: "eu:driftwood" })[0]?.company).toBe("driftwood");
  });

  it("reads the one-posting endpoint (an object, not an array)", () => {
    const [one] = JSON.parse(postingsPayload) as unknown[];
    expect(lever.parse(JSON.stringify(one), { token: "driftwood" })).toHaveLength(1);
  });
});

describe("lever malformed payloads", () => {
  it.each([
    ["truncated JSON", postingsPayload.slice(0, 300), /^lever payload: not valid JSON/],
    ["a posting without text", JSON.stringify([{ id: "x", hostedUrl: "https://jobs.lever.co/a/x" }]), /^lever payload: \[0\]\.text: expected string, received undefined$/],
    ["createdAt as a string", JSON.stringify([{ id: "x", text: "ML", hostedUrl: "https://jobs.lever.co/a/x", createdAt: "yesterday" }]), /^lever payload: \[0\]\.createdAt: expected number, received string$/],
    ["an empty object", "{}", /^lever payload: id: expected string, received undefined$/],
  ])("rejects %s", (_name, payload, message) => {
    expect(() => lever.parse(payload, { token: "driftwood" })).toThrow(PayloadError);
    expect(() => lever.parse(payload, { token: "driftwood" })).toThrow(message);
  });
});

describe("lever normalizeToken", () => {
  it.each([
    ["palantir", "palantir"],
    ["https://jobs.lever.co/Driftwood", "driftwood"],
    ["https://jobs.lever.co/driftwood/5f0c9a1e-3b7d-4c2a-9e61-0d8f2b7a4c11/apply", "driftwood"],
    ["https://jobs.eu.lever.co/driftwood", "eu:driftwood"],
    ["https://api.lever.co/v0/postings/driftwood?mode=json", "driftwood"],
    ["eu:driftwood", "eu:driftwood"],
  ])("%s → %s", (input, token) => {
    expect(lever.normalizeToken(input)).toBe(token);
  });

  it.each(["", "https://greenhouse.io/driftwood", "drift wood"])("rejects %j", (input) => {
    expect(() => lever.normalizeToken(input)).toThrow(/lever: cannot read a board token/);
  });
});

describe("lever scrape", () => {
  it("pages with skip/limit until a short page", async () => {
    const board = await startBoardServer({ [page(0)]: fullPage(), [page(100)]: postingsPayload });
    const context = board.context("driftwood");
    const outcome = await lever.scrape(context);
    expect(outcome.unchanged).toBe(false);
    if (outcome.unchanged) return;
    expect(outcome.pages).toBe(2);
    expect(outcome.postings).toHaveLength(103);
    expect(outcome.postings.at(-1)?.title).toBe("Lead MLOps Engineer");
    expect(context.progress).toEqual([
      { pages: 1, postings: 100 },
      { pages: 2, postings: 103 },
    ]);
  });

  it("reports unchanged when every page answers 304, and reads the whole board when one page changed", async () => {
    const board = await startBoardServer({ [page(0)]: fullPage(), [page(100)]: postingsPayload, [page(200)]: "[]" });
    const first = board.context("driftwood");
    await lever.scrape(first);

    expect(await lever.scrape(board.context("driftwood", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 3 });

    const [, second] = JSON.parse(postingsPayload) as unknown[];
    board.route(page(100), JSON.stringify([second]));
    const changed = await lever.scrape(board.context("driftwood", { validators: first.validators() }));
    expect(changed.unchanged === false && changed.postings.map((posting) => posting.title).slice(-2)).toEqual([
      "Machine Learning Engineer 100",
      "ML Research Intern (Robot Learning)",
    ]);
    // The unchanged first page was fetched again without validators to read it.
    expect(board.requestsTo(page(0)).at(-1)?.headers["if-none-match"]).toBeUndefined();
  });

  it("names postings after the source's company, which Lever's payload does not carry", async () => {
    const board = await startBoardServer({ [page(0)]: postingsPayload });
    const outcome = await lever.scrape(board.context("driftwood", { companyName: "Driftwood Robotics" }));
    expect(outcome.unchanged === false && outcome.postings.map((posting) => posting.company)).toEqual([
      "Driftwood Robotics",
      "Driftwood Robotics",
      "Driftwood Robotics",
    ]);
  });

  it("stops at maxPages and uses Lever's EU host for eu: tokens", async () => {
    const eu = "https://api.eu.lever.co/v0/postings/driftwood?mode=json&skip=0&limit=100";
    const board = await startBoardServer({ [eu]: fullPage() });
    const outcome = await lever.scrape(board.context("eu:driftwood", { maxPages: 1 }));
    expect(outcome).toMatchObject({ unchanged: false, pages: 1 });
    expect(board.server.requests.filter((request) => !request.path.endsWith("/robots.txt"))).toHaveLength(1);
  });
});
