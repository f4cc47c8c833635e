import { describe, expect, it } from "vitest";
import { PayloadError } from "@/scrapers/types";
import { workable } from "@/scrapers/workable";
import { boardFixture, startBoardServer } from "./board-server";

const widget = boardFixture("workable", "orbital-widget-details.json");
const v3 = boardFixture("workable", "orbital-v3-jobs.json");
const API = "https://apply.workable.com/api/v1/widget/accounts/orbital?details=true";

describe("workable parse: widget API", () => {
  const postings = workable.parse(widget, { token: "orbital" });
  const [vision, forecasting] = postings;

  it("reads each shortcode once, with the account name as company", () => {
    expect(postings.map((posting) => posting.externalId)).toEqual(["B7F3A19C22", "4C1D9E0A7F"]);
    expect(vision).toMatchObject({
      title: "Senior Computer Vision Engineer (Earth Observation)",
      company: "Orbital Vision",
      url: "https://apply.workable.com/j/B7F3A19C22",
      applyUrl: "https://apply.workable.com/j/B7F3A19C22/apply",
      remoteHint: "remote",
      employmentType: "Full-time",
      department: "Machine Learning",
      postedAt: "2026-09-03T00:00:00.000Z",
      raw: { code: "CV-07", experience: "Mid-Senior level", createdAt: "2026-09-01" },
    });
  });

  it("lists visible locations only, falling back to city/state/country", () => {
    expect(vision?.locations).toEqual(["Lisboa, Portugal", "Málaga, Andalucía, Spain"]);
    expect(forecasting?.locations).toEqual(["Amsterdam, North Holland, Netherlands"]);
  });

  it("does not call telecommuting=false on-site, and drops empty strings", () => {
    expect(forecasting?.remoteHint).toBeUndefined();
    expect(forecasting?.department).toBeUndefined();
    expect(forecasting?.descriptionHtml).toBeUndefined();
    expect(vision?.descriptionHtml).toContain("Sentinel-2 &amp; PlanetScope");
  });
});

describe("workable parse: careers API v3", () => {
  const [staff, scientist] = workable.parse(v3, { token: "orbital", companyName: "Orbital Vision" });

  it("reads the v3 result shape", () => {
    expect(staff).toMatchObject({
      externalId: "E2A4C6B8D0",
      company: "Orbital Vision",
      url: "https://apply.workable.com/j/E2A4C6B8D0",
      locations: ["Kraków, Lesser Poland, Poland"],
      remoteHint: "remote",
      employmentType: "full",
      department: "Machine Learning",
      postedAt: "2026-09-05T00:00:00.000Z",
      raw: { id: 6120001, departments: ["Machine Learning", "Research"], language: "en" },
    });
    expect(scientist).toMatchObject({ remoteHint: "hybrid", locations: ["Porto, Portugal"], employmentType: "contract" });
    expect(scientist?.department).toBeUndefined();
  });
});

describe("workable malformed payloads", () => {
  it.each([
    ["truncated JSON", widget.slice(0, 250), /^workable payload: not valid JSON/],
    ["an empty object", "{}", /^workable payload: jobs: expected array, received undefined$/],
    ["a numeric shortcode", JSON.stringify({ name: "X", jobs: [{ title: "ML", shortcode: 12, url: "https://apply.workable.com/j/12" }] }), /^workable payload: jobs\[0\]\.shortcode: expected string, received number$/],
    ["v3 results without titles", JSON.stringify({ results: [{ shortcode: "A" }] }), /^workable payload: results\[0\]\.title: expected string, received undefined$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => workable.parse(body, { token: "orbital" })).toThrow(PayloadError);
    expect(() => workable.parse(body, { token: "orbital" })).toThrow(message);
  });
});

describe("workable normalizeToken", () => {
  it.each([
    ["huggingface", "huggingface"],
    ["https://apply.workable.com/orbital/", "orbital"],
    ["https://apply.workable.com/orbital/j/B7F3A19C22/", "orbital"],
    ["https://orbital.workable.com", "orbital"],
    ["https://apply.workable.com/api/v1/widget/accounts/orbital?details=true", "orbital"],
    ["https://www.workable.com/api/accounts/orbital", "orbital"],
  ])("%s → %s", (input, token) => {
    expect(workable.normalizeToken(input)).toBe(token);
  });

  it.each(["", "https://apply.workable.com/j/B7F3A19C22", "https://jobs.lever.co/orbital"])("rejects %j", (input) => {
    expect(() => workable.normalizeToken(input)).toThrow(/workable: cannot read a board token/);
  });
});

describe("workable scrape", () => {
  it("fetches the widget API with details, then reports unchanged on a 304", async () => {
    const board = await startBoardServer({ [API]: widget });
    const first = board.context("https://apply.workable.com/orbital/");
    const outcome = await workable.scrape(first);
    expect(outcome.unchanged === false && outcome.postings.map((posting) => posting.externalId)).toEqual(["B7F3A19C22", "4C1D9E0A7F"]);
    expect(await workable.scrape(board.context("orbital", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });
});
