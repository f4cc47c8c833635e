/**
 * parseListingParams (page, feed, API, saved searches) on arbitrary query strings: it never
 * throws, what it keeps satisfies the filter schema, everything it does not use is reported, and
 * the canonical URL it produces reads back to the same filter with nothing ignored.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { postingFilterSchema } from "@/lib/search/schemas";
import { encodeCursor, filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";
import { hostileString } from "./support/hostile";
import { assertProperty, withinBudget } from "./support/property";
import { KNOWN_PARAMS as KNOWN, queryKey as key, queryString, queryValue as value } from "./support/query-strings";

const TIMEOUT_MS = 120_000;

describe("parseListingParams on arbitrary query strings", () => {
  it("never throws; keeps only schema-valid values; reports every unknown name; canonical URLs read back unchanged (5,000 inputs)", () => {
    assertProperty(
      "parseListingParams (URLSearchParams)",
      fc.property(queryString, (query) => {
        const params = new URLSearchParams(query);
        const parsed = withinBudget("parseListingParams", () => parseListingParams(params));
        const checked = postingFilterSchema.safeParse(parsed.filter);
        if (!checked.success) throw new Error(`filter fails the schema: ${checked.error.message}`);
        if (Object.getPrototypeOf(parsed.filter) !== Object.prototype || Object.prototype.hasOwnProperty.call(parsed.filter, "__proto__")) {
          throw new Error("filter object has an odd prototype or an own __proto__");
        }
        const reported = new Set(parsed.ignored.map((entry) => entry.param));
        for (const name of new Set(params.keys())) {
          if (!KNOWN.includes(name) && !reported.has(name)) throw new Error(`unknown parameter ${JSON.stringify(name)} not reported`);
        }
        for (const entry of parsed.ignored) {
          if (entry.value.length > 60 || !entry.reason) throw new Error(`ignored entry ${JSON.stringify(entry)}`);
        }
        const canonical = filterToSearchParams(parsed.filter, parsed.cursor);
        const again = parseListingParams(canonical);
        if (again.ignored.length) throw new Error(`canonical ${canonical} ignores ${JSON.stringify(again.ignored)}`);
        if (JSON.stringify(again.filter) !== JSON.stringify(parsed.filter)) throw new Error(`canonical ${canonical} reads back as ${JSON.stringify(again.filter)}`);
        if (JSON.stringify(again.cursor) !== JSON.stringify(parsed.cursor)) throw new Error("cursor does not read back");
        if (({} as Record<string, unknown>).polluted !== undefined) throw new Error("Object.prototype polluted");
      }),
      { seed: 5_001, numRuns: 5_000 },
    );
  }, TIMEOUT_MS);

  it("takes Next's searchParams object (own __proto__ keys, arrays) the same way (3,000 inputs)", () => {
    const record = fc.array(fc.tuple(key, fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 4 }))), { maxLength: 40 }).map((pairs) => {
      const object: Record<string, string | string[]> = {};
      for (const [name, item] of pairs) Object.defineProperty(object, name, { value: item, enumerable: true, configurable: true, writable: true });
      return object;
    });
    assertProperty(
      "parseListingParams (record)",
      fc.property(record, (params) => {
        const parsed = withinBudget("parseListingParams", () => parseListingParams(params));
        if (!postingFilterSchema.safeParse(parsed.filter).success) throw new Error("filter fails the schema");
        for (const name of Object.keys(params)) {
          if (!KNOWN.includes(name) && !parsed.ignored.some((entry) => entry.param === name)) throw new Error(`unknown ${JSON.stringify(name)} not reported`);
        }
        if (({} as Record<string, unknown>).polluted !== undefined) throw new Error("Object.prototype polluted");
      }),
      { seed: 5_002, numRuns: 3_000 },
    );
  }, TIMEOUT_MS);

  it("reads hostile cursors as 'not a valid page cursor', never as a query fragment (2,000 inputs)", () => {
    const cursor = fc.oneof(
      hostileString(300),
      fc.jsonValue().map((json) => Buffer.from(JSON.stringify(json) ?? "").toString("base64url")),
      fc.record({ s: fc.oneof(hostileString(100), fc.double(), fc.constant(null)), i: fc.oneof(fc.integer(), fc.double()) }).map((object) => encodeCursor(object as never)),
    );
    assertProperty(
      "cursor",
      fc.property(cursor, (text) => {
        const parsed = withinBudget("parseListingParams", () => parseListingParams(new URLSearchParams({ cursor: text })));
        if (parsed.cursor === null) {
          if (text.trim() && text.length <= 200 && !parsed.ignored.some((entry) => entry.param === "cursor")) throw new Error("dropped cursor not reported");
          return;
        }
        if (!Number.isInteger(parsed.cursor.i) || parsed.cursor.i <= 0) throw new Error(`cursor id ${parsed.cursor.i}`);
        if (!(parsed.cursor.s === null || typeof parsed.cursor.s === "string" || Number.isFinite(parsed.cursor.s))) throw new Error(`cursor sort value ${parsed.cursor.s}`);
      }),
      { seed: 5_003, numRuns: 2_000 },
    );
  }, TIMEOUT_MS);
});
