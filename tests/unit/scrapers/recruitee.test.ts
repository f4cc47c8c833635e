import { describe, expect, it } from "vitest";
import { recruitee } from "@/scrapers/recruitee";
import { PayloadError } from "@/scrapers/types";
import { boardFixture, startBoardServer } from "./board-server";

const offers = boardFixture("recruitee", "vellum-offers.json");
const API = "https://vellum.recruitee.com/api/offers";

describe("recruitee parse", () => {
  const [documentAi, platform, annotation] = recruitee.parse(offers, { token: "vellum" });

  it("reads offers with places from locations[], flags and dates", () => {
    expect(documentAi).toMatchObject({
      externalId: "3100101",
      title: "Senior ML Engineer – Document AI",
      company: "Vellum AI",
      url: "https://vellum.recruitee.com/o/senior-ml-engineer-document-ai",
      applyUrl: "https://vellum.recruitee.com/o/senior-ml-engineer-document-ai/c/new",
      locations: ["Amsterdam, North Holland, Netherlands", "Remote (EU)"],
      remoteHint: "remote",
      employmentType: "fulltime_permanent",
      department: "Machine Learning",
      postedAt: "2026-09-04T10:30:00.000Z",
      raw: { guid: "q7w2e", slug: "senior-ml-engineer-document-ai", tags: ["NLP", "LLM"], experience: "senior" },
    });
    expect(platform).toMatchObject({ title: "ML Platform Lead (Berlin)", locations: ["Berlin, Germany"], remoteHint: "hybrid", postedAt: "2026-09-03T16:20:00.000Z" });
    expect(annotation).toMatchObject({ remoteHint: "onsite", locations: ["Lisbon, Portugal"] });
  });

  it("joins description and requirements, keeping emoji and entities", () => {
    expect(documentAi?.descriptionHtml).toBe(
      "<p>🚀 Vellum AI turns invoices into ledgers with layout-aware transformers.</p><p>You’ll lead model training &amp; evaluation.</p>\n<h3>Job requirements</h3><ul><li>5+ years in NLP or document understanding</li><li>Fluent in PyTorch</li></ul>",
    );
  });

  it("turns plausible salary strings into numbers and keeps implausible ones only in raw", () => {
    expect(documentAi?.salary).toEqual({ min: 95000, max: 125000, currency: "EUR", interval: "year" });
    expect(platform?.salary).toEqual({ min: 7500, max: 9000, currency: "EUR", interval: "month" });
    expect(annotation?.salary).toBeUndefined();
    expect(annotation?.raw?.salaryAsGiven).toEqual({ min: "45.00", max: "55.00", period: "year", currency: "EUR" });
    expect(documentAi?.raw).not.toHaveProperty("salaryAsGiven");
  });

  it("never carries the offer's mailbox address", () => {
    expect(JSON.stringify(recruitee.parse(offers, { token: "vellum" }))).not.toContain("@vellum.recruitee.com");
  });

  it("reads a single offer ({offer: …})", () => {
    const [offer] = recruitee.parse(boardFixture("recruitee", "vellum-offer-3100102.json"), { token: "vellum" });
    expect(offer).toMatchObject({ externalId: "3100102", url: "https://jobs.vellum.ai/o/ml-platform-lead-berlin" });
  });
});

describe("recruitee malformed payloads", () => {
  it.each([
    ["truncated JSON", offers.slice(0, 120), /^recruitee payload: not valid JSON/],
    ["an empty object", "{}", /^recruitee payload: offers: expected array, received undefined$/],
    ["an offer without careers_url", JSON.stringify({ offers: [{ id: 1, title: "ML" }] }), /^recruitee payload: offers\[0\]\.careers_url: expected string, received undefined$/],
    ["a salary amount that is an object", JSON.stringify({ offers: [{ id: 1, title: "ML", careers_url: "https://a.recruitee.com/o/ml", salary: { min: {} } }] }), /^recruitee payload: offers\[0\]\.salary\.min: expected string or number, received object$/],
  ])("rejects %s", (_name, body, message) => {
    expect(() => recruitee.parse(body, { token: "vellum" })).toThrow(PayloadError);
    expect(() => recruitee.parse(body, { token: "vellum" })).toThrow(message);
  });
});

describe("recruitee normalizeToken", () => {
  it.each([
    ["aikidosecurity", "aikidosecurity"],
    ["https://vellum.recruitee.com/", "vellum"],
    ["https://Vellum.recruitee.com/o/senior-ml-engineer-document-ai", "vellum"],
    ["vellum.recruitee.com/api/offers", "vellum"],
  ])("%s → %s", (input, token) => {
    expect(recruitee.normalizeToken(input)).toBe(token);
  });

  it("refuses a custom careers domain, which does not name the Recruitee company", () => {
    expect(() => recruitee.normalizeToken("https://jobs.vellum.ai/o/ml-platform-lead-berlin")).toThrow(/recruitee: cannot read a board token .*\{company\}\.recruitee\.com/);
  });
});

describe("recruitee scrape", () => {
  it("fetches the company's offers API, then reports unchanged on a 304", async () => {
    const board = await startBoardServer({ [API]: offers });
    const first = board.context("https://vellum.recruitee.com");
    const outcome = await recruitee.scrape(first);
    expect(outcome.unchanged === false && outcome.postings).toHaveLength(3);
    expect(await recruitee.scrape(board.context("vellum", { validators: first.validators() }))).toEqual({ unchanged: true, pages: 1 });
  });
});
