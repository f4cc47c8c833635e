/**
 * Query strings as clients send them: known and unknown names, SQL-injection and markup values,
 * over-long values, repeated keys, unicode, broken percent-encoding. Used by the unit properties
 * of parseListingParams and by the e2e run against the built app.
 */
import fc from "fast-check";
import { FILTER_FIELDS } from "@/lib/search/schemas";
import { hostileString } from "./hostile";

export const KNOWN_PARAMS = [...FILTER_FIELDS, "cursor"] as string[];

/** Values a person, a crawler or an attacker puts in a query string. */
export const NASTY_VALUES: readonly string[] = [
  "' OR '1'='1",
  "1; DROP TABLE posting;--",
  "1' UNION SELECT password FROM \"user\"--",
  "\\'; SELECT pg_sleep(10);--",
  "$1",
  "%",
  "_",
  "\\",
  "&&",
  "|| true",
  "-1",
  "1e309",
  "NaN",
  "0x10",
  "9".repeat(400),
  "senior,staff,,,lead,",
  ",,,,",
  "remote,remote,remote",
  "__proto__",
  "constructor",
  "toString",
  "{\"$gt\":\"\"}",
  "[object Object]",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "eyJzIjpudWxsLCJpIjoxfQ",
  "eyJzIjoiJyBPUiAxPTEiLCJpIjotMX0",
  "not-base64!!!",
  "ＳＥＮＩＯＲ",
  "séñïör",
  "\u0000",
  "\ud800",
  "\u202e",
  " ",
  "",
];

export const queryValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 3, arbitrary: hostileString(400) },
  { weight: 2, arbitrary: fc.constantFrom("senior", "staff", "remote", "hybrid", "US", "de", "Berlin", "pytorch", "cuda", "acme-ai", "24h", "salary", "100000", "1", "0", "true", "greenhouse") },
);

export const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_PARAMS) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "Level", "LEVEL", "levl", "skill", "q[]", "q[0]", "salary_min", "") },
  { weight: 1, arbitrary: hostileString(60) },
);

/** A query string as a client sends it: encoded properly, or not at all, or with broken escapes. */
function encodePart(text: string, style: number): string {
  switch (style % 4) {
    case 0:
      return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "?"));
    case 1:
      return text.replace(/[&=#]/g, "");
    case 2:
      return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "?"))}%${style % 2 ? "zz" : "E0%A4"}`;
    default:
      return text.replace(/ /g, "+").replace(/[&=#]/g, "");
  }
}

export const queryString = fc
  .array(fc.tuple(queryKey, queryValue, fc.nat(), fc.boolean()), { maxLength: 80 })
  .map((pairs) => pairs.map(([name, text, style, bare]) => (bare && !text ? encodePart(name, style) : `${encodePart(name, style)}=${encodePart(text, style + 1)}`)).join("&"));

