import { load } from "cheerio/slim";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "@/lib/feeds/atom";
import type { ListingItem } from "@/lib/search/listing";

const item: ListingItem = {
  id: 7,
  title: `Senior ML Engineer <img src=x onerror=alert(1)> & "friends"`,
  companyName: "Acme <script>alert(2)</script>",
  companySlug: "acme",
  locations: [{ raw: "Berlin <b>DE</b>" }],
  remote: "hybrid",
  remoteRegions: [],
  level: "senior",
  family: "ml_engineering",
  fitScore: 90,
  fitReasons: ["title says Senior ML Engineer"],
  skills: [],
  salaryMinUsd: null,
  salaryMaxUsd: null,
  salaryCurrency: null,
  salaryMin: null,
  salaryMax: null,
  salaryInterval: null,
  sponsorsVisa: null,
  sortAt: new Date("2026-11-20T10:00:00Z"),
  postedAt: null,
  rank: null,
};

function entry(items: ListingItem[] = [item]) {
  const xml = renderAtomFeed({
    title: "mlradar",
    description: "Ignored: q <x>",
    listingUrl: "http://127.0.0.1/",
    selfUrl: "http://127.0.0.1/feed.xml",
    siteUrl: "http://127.0.0.1/",
    items,
  });
  const parsed = new XMLParser({ ignoreAttributes: false, cdataPropName: "cdata" }).parse(xml) as {
    feed: { entry: { title: { cdata: string; "@_type": string }; summary: { cdata: string; "@_type": string } } };
  };
  return { xml, entry: parsed.feed.entry };
}

describe("renderAtomFeed", () => {
  it("escapes the type=html title and summary, so a feed reader shows the markup as text", () => {
    const { entry: e } = entry();
    expect(e.title["@_type"]).toBe("html");
    // What a reader does with type="html": parse it as HTML. Nothing but text comes out.
    const title = load(e.title.cdata);
    expect(title("img, script").length).toBe(0);
    expect(title.root().text()).toBe(`Senior ML Engineer <img src=x onerror=alert(1)> & "friends" at Acme <script>alert(2)</script>`);
    const summary = load(e.summary.cdata);
    expect(summary("b").length).toBe(0);
    expect(summary.root().text()).toContain("Berlin <b>DE</b>");
  });

  it("sums a posting up in its summary: place, work mode, level (as the listing names them), salary as written, visa sponsorship, why it fits", () => {
    const paid = { ...item, salaryMin: 100_000, salaryMax: 130_000, salaryCurrency: "EUR", salaryInterval: "year", salaryMinUsd: 108_000, salaryMaxUsd: 140_000, sponsorsVisa: true };
    expect(load(entry([paid]).entry.summary.cdata).root().text()).toBe(
      "Berlin <b>DE</b> — Hybrid — Senior — €100K – €130K (≈ $108K – $140K) — sponsors visas — title says Senior ML Engineer",
    );
    expect(load(entry().entry.summary.cdata).root().text()).toBe("Berlin <b>DE</b> — Hybrid — Senior — title says Senior ML Engineer");
  });

  it("keeps the subtitle as escaped text", () => {
    const { xml } = entry();
    expect(xml).toContain("<subtitle>Ignored: q &lt;x&gt;</subtitle>");
  });
});
