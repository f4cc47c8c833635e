import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import { parseLocation } from "@/lib/normalize/location";
import { listPostings } from "@/lib/search/listing";
import { parseListingParams } from "@/lib/search/listing-params";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

/** Location strings as boards write them, each read by the normalizer as an ingest would. */
const LOCATIONS = {
  usHours: "Remote - US time zones (EST/PST)",
  euHours: "Remote (EU timezones)",
  utcSpan: "Remote, UTC-5 to UTC+1",
  remoteUs: "Remote - US",
  berlin: "Berlin, Germany",
  remoteAnywhere: "Remote",
} as const;

describe("the eligible= filter ('can I take this from where I live')", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "eligibility-test" } });
    const postings = Object.entries(LOCATIONS).map(([key, text]) => {
      const location = parseLocation({ locations: [text] });
      return makePosting({ externalId: key, dedupKey: `key-${key}`, contentHash: `h-${key}`, title: `ML Engineer ${key}`, postedAt: NOW, ...location, locations: location.locations });
    });
    await ingestPostings(database.db, source.id, postings, { now: NOW });
  });

  const eligible = async (country: string) => {
    const page = await listPostings(database.db, parseListingParams(new URLSearchParams(`eligible=${country}`)).filter, null, { now: NOW });
    return page.items.map((item) => item.title.replace("ML Engineer ", "")).sort();
  };

  it("finds remote roles that only state working hours where one of the country's time zones lies within them", async () => {
    expect(await eligible("US")).toEqual(["remoteUs", "usHours", "utcSpan"]);
    expect(await eligible("CA")).toEqual(["usHours", "utcSpan"]);
    expect(await eligible("DE")).toEqual(["berlin", "euHours", "utcSpan"]);
    expect(await eligible("GB")).toEqual(["euHours", "utcSpan"]);
  });

  it("does not offer them where no zone of the country is within the hours", async () => {
    expect(await eligible("IN")).toEqual([]);
    expect(await eligible("JP")).toEqual([]);
  });
});
