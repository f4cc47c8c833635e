import { describe, expect, it } from "vitest";
import { greenhouse } from "@/scrapers/greenhouse";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const list = boardFixture("greenhouse", "tessellate-jobs-content.json");
const API = "https://boards-api.greenhouse.io/v1/boards/tessellate/jobs?content=true";

describe("greenhouse parse", () => {
  const postings = greenhouse.parse(list, { token: "tessellate" });
  const [staff, london, berlin] = postings;

  it("reads every job with trimmed title and company", () => {
    expect(postings).toHaveLength(3);
    expect(staff).toMatchObject({
      externalId: "7712004002",
      title: "Staff Machine Learning Engineer, Embeddings",
      company: "Tessellate AI",
      url: "https://job-boards.greenhouse.io/tessellate/jobs/7712004002",
      department: "Machine Learning",
      employmentType: "Full-time",
      postedAt: "2026-08-28T13:00:00.000Z",
    });
  });

  it("decodes the entity-escaped content exactly once", () => {
    expect(staff?.descriptionHtml).toContain('<div class="content-intro"><p>Tessellate AI builds');
    expect(staff?.descriptionHtml).toContain("pipeline &amp; the evaluation harness");
    expect(staff?.descriptionHtml).toContain("$210,000&nbsp;&mdash;&nbsp;$265,000 USD");
    expect(staff?.descriptionHtml).toContain("Zürich and München");
  });

  it("splits multi-location strings on ; and |, one string per place", () => {
    expect(staff?.locations).toEqual(["San Francisco, CA", "New York City, NY", "Remote-Friendly (United States)"]);
    expect(london?.locations).toEqual(["London, UK"]);
  });

  it("takes the remote hint from a Location Type custom field", () => {
    expect(staff?.remoteHint).toBe("remote");
    expect(berlin?.remoteHint).toBe("hybrid");
    expect(london?.remoteHint).toBeUndefined();
  });

  it("turns pay_input_ranges into the span of the ranges", () => {
    expect(staff?.salary).toEqual({ min: 189000, max: 265000, currency: "USD" });
    expect(london?.salary).toBeUndefined();
  });

  it("keeps the employer's own page as the URL and board leftovers in raw", () => {
    expect(london?.url).toBe("https://tessellate.ai/careers?gh_jid=7712005002");
    expect(london?.raw).toMatchObject({ internalJobId: 6100232002, requisitionId: "See Opening ID", applicationDeadline: "2026-10-31" });
    expect(berlin?.raw).toMatchObject({ internalJobId: 6100232002, language: "de" });
  });

  it("reads the single-job endpoint", () => {
    const [job] = greenhouse.parse(boardFixture("greenhouse", "tessellate-job-7712005002.json"), { token: "tessellate" });
    expect(job).toMatchObject({ externalId: "7712005002", title: "Lead Applied Scientist, Ranking" });
    expect(job?.descriptionHtml).toBe("<p>Lead a team of five applied scientists working on multilingual reranking.</p><p>Salary band: £150,000 – £180,000.</p>");
  });

  it("falls back to the source's company name, then the token, when the payload has none", () => {
    const payload = JSON.stringify({ jobs: [{ id: 1, title: "ML Engineer", absolute_url: "https://job-boards.greenhouse.io/x/jobs/1" }] });
    expect(greenhouse.parse(payload, { token: "x", companyName: "X Labs" })[0]?.company).toBe("X Labs");
    expect(greenhouse.parse(payload, { token: "x" })[0]?.company).toBe("x");
  });
});

describe("greenhouse malformed payloads", () => {
  it.each([
    ["truncated JSON", list.slice(0, 400), /^greenhouse payload: not valid JSON/],
    ["a title that is not a string", JSON.stringify({ jobs: [{ id: 1, title: "A", absolute_url: "https://a.io" }, { id: 2, title: 7, absolute_url: "https://a.io" }] }), /^greenhouse payload: jobs\[1\]\.title: expected string, received number$/],
    ["an empty object", "{}", /^greenhouse payload: jobs: expected array, received undefined$/],
    ["jobs that is not a list", JSON.stringify({ jobs: { id: 1 } }), /^greenhouse payload: jobs: expected array/],
  ])("rejects %s with a PayloadError naming the field", (_name, payload, message) => {
    expect(() => greenhouse.parse(payload, { token: "tessellate" })).toThrow(PayloadError);
    expect(() => greenhouse.parse(payload, { token: "tessellate" })).toThrow(message);
  });
});

describe("greenhouse normalizeToken", () => {
  it.each([
    ["anthropic", "anthropic"],
    ["  Tessellate ", "tessellate"],
    ["https://boards.greenhouse.io/anthropic", "anthropic"],
    ["https://job-boards.greenhouse.io/gitlab/jobs/8565469002", "gitlab"],
    ["boards.greenhouse.io/embed/job_board?for=smarterdx", "smarterdx"],
    ["https://boards-api.greenhouse.io/v1/boards/tessellate/jobs?content=true", "tessellate"],
  ])("%s → %s", (input, token) => {
    expect(greenhouse.normalizeToken(input)).toBe(token);
  });

  it.each(["", "not a token!", "https://stripe.com/jobs/search?gh_jid=8023928", "https://boards.greenhouse.io/"])("rejects %j", (input) => {
    expect(() => greenhouse.normalizeToken(input)).toThrow(/greenhouse: cannot read a board token/);
  });
});

describe("greenhouse scrape", () => {
  it("fetches the board with content, then reports unchanged on a 304", async () => {
    const board = await startBoardServer({ [API]: list });
    const first = board.context("https://boards.greenhouse.io/tessellate");
    const outcome = await greenhouse.scrape(first);
    expect(outcome).toMatchObject({ unchanged: false, pages: 1 });
    expect(outcome.unchanged === false && outcome.postings.map((posting) => posting.externalId)).toEqual(["7712004002", "7712005002", "7712006002"]);
    expect(first.progress).toEqual([{ pages: 1, postings: 3 }]);

    const second = board.context("tessellate", { validators: first.validators() });
    expect(await greenhouse.scrape(second)).toEqual({ unchanged: true, pages: 1 });
    expect(board.requestsTo(API)).toHaveLength(2);
  });

  it("fails the run with a PayloadError when the board answers something else", async () => {
    const board = await startBoardServer({ [API]: "<html>maintenance</html>" });
    await expect(greenhouse.scrape(board.context("tessellate"))).rejects.toThrow(/greenhouse payload: not valid JSON/);
  });

  it("treats a token that no longer reads as a fatal configuration error", async () => {
    const board = await startBoardServer();
    await expect(greenhouse.scrape(board.context("https://example.com/jobs"))).rejects.toMatchObject({ kind: "fatal" });
  });
});
