/**
 * Hostile board text all the way into a real database: parse (Greenhouse format) → normalize →
 * ingest. Whatever a board sends, a run either fails with a PayloadError or stores its postings;
 * the database never refuses a row (NUL, half surrogate pairs, deep JSON, huge text).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestRawPostings } from "@/lib/ingest/ingest-raw";
import { greenhouse } from "@/scrapers/greenhouse";
import { checkPostings } from "@/scrapers/shared/postings";
import { PayloadError, type RawPosting } from "@/scrapers/types";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { hostileString } from "@/tests/unit/hardening/support/hostile";
import { rawPosting } from "@/tests/unit/hardening/support/raw-postings";

const TIMEOUT_MS = 300_000;

/** Text with the characters PostgreSQL is pickiest about, most of the time. */
const storageTrap = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("a\u0000b", "\u0000", "x\ud800y", "\udfff", "\ud83d\ude80 ok", "nul\\u0000escaped", "\u001b[31m", "\u2028\u2029", "\ufffe\uffff") },
  { weight: 2, arbitrary: hostileString(2_000) },
);

/** A Greenhouse board payload whose text fields carry the traps (as JSON escapes, as a real body would). */
const greenhousePayload = fc
  .array(
    fc.record({
      id: fc.oneof(fc.integer({ min: 1 }), storageTrap),
      title: storageTrap,
      company: storageTrap,
      location: storageTrap,
      content: fc.oneof(storageTrap, storageTrap.map((text) => `&lt;p&gt;${text}&lt;/p&gt;`)),
      metadata: fc.oneof(storageTrap, fc.constant(JSON.parse(`${"[".repeat(2_000)}${"]".repeat(2_000)}`) as unknown)),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((jobs) =>
    JSON.stringify({
      jobs: jobs.map((job, index) => ({
        id: job.id,
        title: job.title,
        company_name: job.company,
        absolute_url: `https://job-boards.greenhouse.io/acme/jobs/${index}`,
        location: { name: job.location },
        content: job.content,
        metadata: [{ name: "Team", value: job.metadata }],
      })),
    }),
  );

describe("hostile board text through parse, normalize and ingest", () => {
  const database = setupTestDatabase();
  let sourceId: number;

  beforeAll(async () => {
    sourceId = (await database.db.source.create({ data: { kind: "greenhouse", token: "acme" } })).id;
  });

  it("stores every parsed run, or the run fails as a bad payload (150 Greenhouse payloads)", async () => {
    const payloads = fc.sample(greenhousePayload, { numRuns: 150, seed: 4_001 });
    let stored = 0;
    for (const [index, payload] of payloads.entries()) {
      let postings: RawPosting[];
      try {
        postings = greenhouse.parse(payload, { token: "acme" });
      } catch (error) {
        if (error instanceof PayloadError) continue;
        throw error;
      }
      try {
        await ingestRawPostings(database.db, sourceId, postings);
      } catch (error) {
        throw new Error(`payload ${index} (seed 4001) parsed but could not be stored: ${(error as Error).message.slice(0, 400)}\n${payload.slice(0, 600)}`);
      }
      stored += postings.length;
    }
    expect(stored).toBeGreaterThan(50);
    // What was stored reads back, as the pages and the API read it.
    const rows = await database.db.posting.findMany({ select: { title: true, companyName: true, descriptionHtml: true, locations: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.descriptionHtml).not.toMatch(/<script|onerror=|javascript:/i);
  }, TIMEOUT_MS);

  it("stores any RawPosting that passes the parsers' final check (300 postings in batches of 10)", async () => {
    const raws = fc.sample(rawPosting, { numRuns: 300, seed: 4_002 });
    for (let start = 0; start < raws.length; start += 10) {
      // checkPostings is the gate every parser's output passes (contract check, storable text);
      // a posting it refuses (a company that was only a NUL) would have failed its run as a bad payload.
      const batch = raws.slice(start, start + 10).flatMap((raw, offset) => {
        try {
          return checkPostings("fuzz", [{ ...raw, externalId: `${start + offset}:${raw.externalId.slice(0, 50)}` }]);
        } catch (error) {
          if (error instanceof PayloadError) return [];
          throw error;
        }
      });
      try {
        await ingestRawPostings(database.db, sourceId, batch);
      } catch (error) {
        throw new Error(`batch at ${start} (seed 4002) could not be stored: ${(error as Error).message.slice(0, 400)}\n${JSON.stringify(batch).slice(0, 600)}`);
      }
    }
  }, TIMEOUT_MS);
});
