/** RawPostings of every shape rawPostingSchema lets through, with hostile text in each field. */
import fc from "fast-check";
import { rawPostingSchema, type RawPosting } from "@/scrapers/types";
import { hostileString } from "./hostile";

const MODES = ["remote", "hybrid", "onsite"] as const;

export const httpUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    "https://boards.example.com/jobs/1?utm=%3Cscript%3E",
    "HTTP://EXAMPLE.COM/A",
    "http://[::1]/x",
    "https://xn--bcher-kva.example/ä",
    `https://example.com/${"a".repeat(3_000)}`,
    "https://example.com/<script>alert(1)</script>",
  ),
);

const hostileText = hostileString(3_000);

/** RawPostings of every shape the schema lets through, with hostile text in each field. */
export const rawPosting: fc.Arbitrary<RawPosting> = fc
  .record(
    {
      externalId: hostileText,
      title: hostileText,
      company: hostileText,
      url: httpUrl,
      applyUrl: httpUrl,
      locations: fc.array(hostileText, { maxLength: 5 }),
      remoteHint: fc.constantFrom(...MODES),
      remoteEligibility: fc.array(hostileText, { maxLength: 4 }),
      employmentType: hostileText,
      department: hostileText,
      descriptionHtml: hostileString(20_000),
      descriptionText: hostileString(20_000),
      salary: fc.record(
        {
          min: fc.double({ noNaN: true, noDefaultInfinity: true }),
          max: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, 5e-324, -0, 180_000)),
          currency: fc.oneof(hostileText, fc.constantFrom("USD", "eur", " GBP ", "BTC", "XXX", "US$", "")),
          interval: fc.oneof(hostileText, fc.constantFrom("year", "HOUR", "per-month-salary", "1 YEAR", "")),
          text: hostileText,
        },
        { requiredKeys: [] },
      ),
      postedAt: fc.oneof(hostileText, fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
      raw: fc.dictionary(hostileString(50), fc.jsonValue({ maxDepth: 3 })),
    },
    { requiredKeys: ["externalId", "title", "company", "url"] },
  )
  .map((candidate) => rawPostingSchema.safeParse(candidate))
  .filter((result) => result.success)
  .map((result) => result.data!);

