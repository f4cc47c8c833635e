/**
 * Arbitraries for input nobody should send but somebody will: markup in every field, control and
 * invisible characters, lone surrogates, mojibake, numbers as text, and very long strings built
 * from the pieces our regular expressions look for (the inputs that find catastrophic backtracking).
 */
import fc from "fast-check";
import { XSS_PAYLOADS } from "@/tests/fixtures/xss-corpus";

/** Strings that have broken text handling somewhere before. */
export const TRICKY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u00a0",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udc00x",
  "x\ud83d",
  "\ufeffBOM",
  "\u202egnp.exe",
  "\u200b\u200c\u200d",
  "𝕊𝕖𝕟𝕚𝕠𝕣 𝕄𝕃 𝔼𝕟𝕘𝕚𝕟𝕖𝕖𝕣",
  "Ｓｅｎｉｏｒ ＭＬ",
  "١٢٣٬٤٥٦",
  "e\u0301\u0301\u0301\u0301",
  "Z̴̡̛a̷l̸g̶o̵",
  "Ã©Ã¨Ã¢â\u0080\u0099",
  "\u00e2\u0080",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x7f",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "true",
  "[object Object]",
  "&amp;amp;lt;",
  "&#0;&#xD800;&#x110000;&#99999999;",
  "&lt;p&gt;",
  "<p>",
  "</p></div></table>",
  "<!--",
  "]]>",
  "\\u0000\\n\\\\",
  "%00%ff%c0%af",
  "$180,000 – $240,000",
  "€90k–110k",
  "$95/hr",
  "£1,000,000,000,000,000",
  "₹40 LPA",
  "1,2,3,4,5,6,7,8,9,0",
  "Remote, US",
  "Remote - United States",
  "Berlin, Germany; London, UK | Paris",
  "UTC-12 to UTC+14",
  "GMT+99",
  "Senior Staff Principal Lead ML Engineer (m/w/d) - Remote",
  "Sr. MLE II",
  "(((((((((((",
  "))))))))))",
  "a".repeat(201),
  "https://example.com/" + "a".repeat(300),
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "mailto:a@b",
  "//example.com",
  "http://[::1]/",
  "http://0x7f.1/",
  "2026-02-30T25:61:61Z",
  "0000-00-00",
  "9999-12-31T23:59:59.999Z",
  "1719792000",
  "1719792000000",
  "Mon, 32 Foo 2026 99:99:99 +9999",
];

/** Pieces that the normalizers' patterns react to; repeated, they probe for super-linear regexes. */
const REPEATABLE_PIECES: readonly string[] = [
  "a",
  " ",
  "1",
  "1,",
  "1.",
  "12k ",
  "$1",
  "$1-",
  "€",
  "-",
  " - ",
  "(",
  "(m/",
  "<",
  "<p>",
  "<div>",
  "</p>",
  "<b><i>",
  "&amp;",
  "&lt;",
  "&#",
  "\u00c3\u00a9",
  "\u00e2\u0080\u0099",
  "Remote, ",
  "Remote (",
  "UTC+1 ",
  "senior ",
  "machine learning ",
  "years ",
  "5+ years ",
  "Berlin, ",
  ", , ,",
  "|",
  ";",
  "\n",
  "\n\n",
  "\t",
  "\\n",
  "https://",
  "www.",
  "a.",
  "@",
  ":",
  "::",
  "🙂",
];

/** A long string made of one or two repeated pieces, length between min and max. */
export function repeatedString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...REPEATABLE_PIECES), fc.constantFrom(...REPEATABLE_PIECES), fc.integer({ min: minLength, max: maxLength }), fc.boolean())
    .map(([first, second, length, alternate]) => {
      const unit = alternate ? first + second : first;
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    });
}

/** Short strings over the characters markup, CSV-ish lists and money are made of. */
const markupSoup = fc.string({
  unit: fc.constantFrom(..."<>&;#\"'/=:|,.()[]{}-–$€£¥₹%+ \n\tabcdekmpsxyzSRL0123456789"),
  maxLength: 60,
});

/** Any code points, including astral planes. */
const anyCodePoints = fc.string({ unit: "binary", maxLength: 40 });

/** A mix of a few hostile pieces. */
const concatenated = fc
  .array(fc.oneof(fc.constantFrom(...XSS_PAYLOADS), fc.constantFrom(...TRICKY_STRINGS), markupSoup), { minLength: 2, maxLength: 4 })
  .map((parts) => parts.join(""));

/**
 * A hostile string for any text field. Long strings are rarer than short ones (they cost time),
 * and capped at `maxLongLength`.
 */
export function hostileString(maxLongLength = 20_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
    { weight: 3, arbitrary: markupSoup },
    { weight: 3, arbitrary: anyCodePoints },
    { weight: 2, arbitrary: concatenated },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: repeatedString(Math.min(200, maxLongLength), maxLongLength) },
  );
}

/** Any JSON-representable value a hostile payload could put where a field is expected. */
export function hostileJsonValue(maxLongLength = 20_000): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileString(maxLongLength) },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1e21, 0.1) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.array(hostileString(200), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }) },
  );
}

/** Decoding a buffer the wrong way: invalid UTF-8 becomes U+FFFD, UTF-8 read as Latin-1 becomes mojibake. */
export type Decoding = "utf8" | "latin1";

export function decodeBytes(bytes: Uint8Array, decoding: Decoding): string {
  return Buffer.from(bytes).toString(decoding);
}
