import { describe, expect, it } from "vitest";
import { SourceKind } from "@/lib/generated/prisma/enums";
import { getScraper, hasScraper, scraperKinds } from "@/scrapers/registry";

describe("scraper registry", () => {
  it("has a scraper for every board kind the schema knows", () => {
    expect([...scraperKinds].sort()).toEqual(Object.values(SourceKind).sort());
  });

  it.each([...scraperKinds])("%s: its scraper answers to its kind and states its terms", (kind) => {
    const scraper = getScraper(kind);
    expect(scraper.kind).toBe(kind);
    expect(scraper.terms.boardName.length).toBeGreaterThan(0);
    expect(scraper.terms.minIntervalMs).toBeGreaterThanOrEqual(1000);
    if (scraper.terms.termsUrl) expect(scraper.terms.termsUrl).toMatch(/^https:\/\//);
    if (!scraper.terms.listingAllowed) expect(scraper.terms.disabledReason).toBeTruthy();
  });

  it("keeps boards whose terms forbid aggregation disabled by default", () => {
    const disabled = scraperKinds.filter((kind) => !getScraper(kind).terms.listingAllowed);
    expect(disabled.sort()).toEqual(["remotive", "weworkremotely"]);
  });

  it("refuses a kind without a scraper with a message listing the known ones", () => {
    expect(hasScraper("indeed")).toBe(false);
    expect(hasScraper("lever")).toBe(true);
    expect(() => getScraper("indeed" as SourceKind)).toThrow(/No scraper for board kind "indeed" \(known: greenhouse, lever/);
  });
});
