/**
 * Property-based checks of one board's pure parse: for any payload, parse either returns postings
 * that each satisfy the RawPosting contract (and serialize to JSON), or throws a PayloadError whose
 * message names the board. Nothing else may escape, and no input may take a second.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScraper } from "@/scrapers/registry";
import { PayloadError, rawPostingSchema, type RawPosting, type SourceKind } from "@/scrapers/types";
import { basePayloads, fullPayloads, PARSE_CONTEXT, type BasePayload } from "./board-fixtures";
import { decodeBytes, hostileJsonValue, hostileString, repeatedString } from "./hostile";
import {
  applyJsonMutations,
  applyMarkupMutations,
  applyTextMutations,
  jsonLdBlocks,
  jsonMutation,
  markupMutation,
  replaceStringLeaves,
  textMutation,
  withJsonLdBlocks,
} from "./mutate";
import { assertProperty, cpuMs, INPUT_BUDGET_MS } from "./property";

/** Inputs per property; they add up to 10,000 per board. */
export const RUNS = {
  fullSize: 100,
  structural: 3_900,
  hostileFields: 2_500,
  textAndBytes: 2_500,
  garbage: 950,
  huge: 50,
} as const;

export const RUNS_PER_BOARD = Object.values(RUNS).reduce((sum, runs) => sum + runs, 0);

/** Generous: the whole suite is measured in the README; this only stops a runaway property. */
const TEST_TIMEOUT_MS = 180_000;

/** A PayloadError message is one line a person reads in the run's record. */
const MAX_MESSAGE_LENGTH = 600;

export type Outcome = "postings" | "empty" | "rejected";

function describeFailure(kind: SourceKind, payload: string, problem: string): Error {
  const preview = payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload;
  return new Error(`${kind}: ${problem}\npayload: ${JSON.stringify(preview)}`);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** Problems of one returned posting, as sentences; empty when it is whole. */
export function postingProblems(posting: RawPosting): string[] {
  const problems: string[] = [];
  const parsed = rawPostingSchema.safeParse(posting);
  if (!parsed.success) problems.push(`does not satisfy rawPostingSchema: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  if (!posting.title?.trim()) problems.push("has a blank title");
  if (!posting.company?.trim()) problems.push("has a blank company");
  if (typeof posting.url !== "string" || !isHttpUrl(posting.url)) problems.push(`has a url that is not http(s): ${String(posting.url).slice(0, 80)}`);
  if (posting.applyUrl !== undefined && !isHttpUrl(posting.applyUrl)) problems.push(`has an applyUrl that is not http(s): ${posting.applyUrl.slice(0, 80)}`);
  let json: string | undefined;
  try {
    json = JSON.stringify(posting);
  } catch (error) {
    problems.push(`cannot be serialized: ${(error as Error).message}`);
  }
  if (json !== undefined && !rawPostingSchema.safeParse(JSON.parse(json)).success) problems.push("does not survive a JSON round trip");
  return problems;
}

/** Parses one payload and checks the contract; returns what happened. */
export function checkParse(kind: SourceKind, payload: string): Outcome {
  const scraper = getScraper(kind);
  const started = cpuMs();
  let postings: RawPosting[];
  try {
    postings = scraper.parse(payload, PARSE_CONTEXT[kind]);
  } catch (error) {
    const elapsed = cpuMs() - started;
    if (elapsed > INPUT_BUDGET_MS) throw describeFailure(kind, payload, `rejecting took ${Math.round(elapsed)} ms of CPU`);
    if (!(error instanceof PayloadError)) {
      const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw describeFailure(kind, payload, `threw ${name.slice(0, 500)}, not a PayloadError\n${(error as Error)?.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`);
    }
    if (!error.message.startsWith(`${kind} payload: `)) throw describeFailure(kind, payload, `PayloadError does not name the board: ${error.message.slice(0, 200)}`);
    if (error.message.length > MAX_MESSAGE_LENGTH) {
      throw describeFailure(kind, payload, `PayloadError message is too long (${error.message.length} chars): ${error.message.slice(0, 200)}`);
    }
    return "rejected";
  }
  const elapsed = cpuMs() - started;
  if (elapsed > INPUT_BUDGET_MS) throw describeFailure(kind, payload, `parsing took ${Math.round(elapsed)} ms of CPU`);
  if (!Array.isArray(postings)) throw describeFailure(kind, payload, "parse did not return an array");
  postings.forEach((posting, index) => {
    const problems = postingProblems(posting);
    if (problems.length) throw describeFailure(kind, payload, `posting ${index} ${problems.join("; ")}`);
  });
  return postings.length ? "postings" : "empty";
}

/** A replacement for a text field: hostile, or a "Company | Role | Place"-like line of hostile parts. */
function fieldText(maxLongLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString(maxLongLength) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(hostileString(500), { minLength: 2, maxLength: 6 }), fc.constantFrom(" | ", ", ", " - ", "<p>", "\n", "; "))
        .map(([parts, separator]) => parts.join(separator)),
    },
  );
}

/** Payloads derived from a base by structural mutations (as JSON, or as markup leaves). */
function structuralPayload(base: BasePayload): fc.Arbitrary<string> {
  if (base.format === "json") {
    return fc.array(jsonMutation(), { minLength: 1, maxLength: 4 }).map((mutations) => applyJsonMutations(base.json, mutations));
  }
  if (base.format === "xml") {
    return fc.array(markupMutation(), { minLength: 1, maxLength: 5 }).map((mutations) => applyMarkupMutations(base.text, mutations));
  }
  const blocks = jsonLdBlocks(base.text);
  return fc
    .tuple(fc.array(jsonMutation(), { minLength: 1, maxLength: 4 }), fc.array(markupMutation(), { maxLength: 2 }))
    .map(([jsonMutations, markupMutations]) => {
      const mutatedBlocks = blocks.map((block, index) => (index === 0 ? applyJsonMutations(block, jsonMutations) : JSON.stringify(block)));
      return applyMarkupMutations(withJsonLdBlocks(base.text, mutatedBlocks), markupMutations);
    });
}

/** The base's shape kept; some of its text fields replaced by hostile text. */
function hostileFieldsPayload(base: BasePayload, maxLongLength = 2_000): fc.Arbitrary<string> {
  const replacements = fc.array(fc.record({ pick: fc.nat(), value: fieldText(maxLongLength) }), { minLength: 1, maxLength: 12 });
  if (base.format === "json") return replacements.map((list) => replaceStringLeaves(base.json, list));
  if (base.format === "xml") {
    const leafText = fc.record({ op: fc.constantFrom("text" as const, "cdata" as const), pick: fc.nat(), value: fieldText(maxLongLength) });
    return fc.array(leafText, { minLength: 1, maxLength: 12 }).map((mutations) => applyMarkupMutations(base.text, mutations));
  }
  const blocks = jsonLdBlocks(base.text);
  return replacements.map((list) => withJsonLdBlocks(base.text, blocks.map((block, index) => (index === 0 ? replaceStringLeaves(block, list) : JSON.stringify(block)))));
}

function textPayload(base: BasePayload): fc.Arbitrary<string> {
  return fc.array(textMutation(), { minLength: 1, maxLength: 3 }).map((mutations) => applyTextMutations(base.text, mutations));
}

/** Payloads that have nothing (or only the outline) of the board's format. */
function garbagePayload(bases: readonly BasePayload[]): fc.Arbitrary<string> {
  const topLevelKeys = [
    ...new Set(bases.flatMap((base) => (base.json && typeof base.json === "object" && !Array.isArray(base.json) ? Object.keys(base.json) : []))),
  ];
  const outline =
    topLevelKeys.length > 0
      ? fc.dictionary(fc.constantFrom(...topLevelKeys), hostileJsonValue(2_000), { maxKeys: topLevelKeys.length }).map((value) => JSON.stringify(value))
      : fc.array(hostileJsonValue(2_000), { maxLength: 4 }).map((value) => JSON.stringify(value));
  const deep = fc
    .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom("[", '{"a":', '{"jobs":', "<a>", "<position>"))
    .map(([depth, open]) => open.repeat(depth));
  return fc.oneof(
    { weight: 3, arbitrary: outline },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 2, arbitrary: fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("utf8" as const, "latin1" as const)).map(([bytes, decoding]) => decodeBytes(bytes, decoding)) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."<>/?!-[]=\"' &;:{}[],abcxml\n"), maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "null", "true", "0", "[]", "{}", '""', "[null]", "[{}]", "<?xml version=\"1.0\"?>", "<html></html>", "\ufeff{}", "<rss/>", "<workzag-jobs/>") },
  );
}

/** One or two text fields of a base made very long (hundreds of kilobytes). */
function hugePayload(base: BasePayload): fc.Arbitrary<string> {
  const huge = fc.oneof(repeatedString(100_000, 300_000), hostileString(2_000).map((text) => text.repeat(Math.ceil(150_000 / Math.max(1, text.length)))));
  const replacements = fc.array(fc.record({ pick: fc.nat(), value: huge }), { minLength: 1, maxLength: 2 });
  if (base.format === "json") return replacements.map((list) => replaceStringLeaves(base.json, list));
  if (base.format === "xml") {
    return fc.array(fc.record({ op: fc.constant("text" as const), pick: fc.nat(), value: huge }), { minLength: 1, maxLength: 2 }).map((mutations) => applyMarkupMutations(base.text, mutations));
  }
  const blocks = jsonLdBlocks(base.text);
  return replacements.map((list) => withJsonLdBlocks(base.text, blocks.map((block, index) => (index === 0 ? replaceStringLeaves(block, list) : JSON.stringify(block)))));
}

/** One base (chosen by index) fed through a per-base payload generator. */
function fromBases(bases: readonly BasePayload[], generator: (base: BasePayload) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(...bases.map((base) => generator(base)));
}

/**
 * The whole fuzz suite for one board; `seed` fixes every property's random stream.
 * Properties run one after another in one test each, so a failure names the family of input.
 */
export function describeBoardFuzz(kind: SourceKind, seed: number): void {
  describe(`${kind} parse on hostile payloads (${RUNS_PER_BOARD.toLocaleString("en")} inputs)`, () => {
    const bases = basePayloads(kind);
    const full = fullPayloads(kind);
    const outcomes: Record<string, Record<Outcome, number>> = {};

    const run = (name: string, arbitrary: fc.Arbitrary<string>, numRuns: number, offset: number) => {
      const counts: Record<Outcome, number> = { postings: 0, empty: 0, rejected: 0 };
      outcomes[name] = counts;
      assertProperty(
        `${kind}: ${name}`,
        fc.property(arbitrary, (payload) => {
          counts[checkParse(kind, payload)] += 1;
        }),
        { seed: seed + offset, numRuns },
      );
    };

    it("has real payloads to start from", () => {
      expect(bases.map((base) => checkParse(kind, base.text))).toContain("postings");
    });

    it("structural mutations of the real payloads at full size", () => {
      run("full-size structural mutations", fromBases(full, structuralPayload), RUNS.fullSize, 6);
    }, TEST_TIMEOUT_MS);

    it("structural mutations of real payloads", () => {
      run("structural mutations", fromBases(bases, structuralPayload), RUNS.structural, 1);
    }, TEST_TIMEOUT_MS);

    it("hostile text (HTML, control characters, lone surrogates, mojibake) in the fields of real payloads", () => {
      run("hostile fields", fromBases(bases, hostileFieldsPayload), RUNS.hostileFields, 2);
      // Most of these keep the board's shape: they must reach the code that builds postings.
      expect(outcomes["hostile fields"]!.postings).toBeGreaterThan(RUNS.hostileFields / 10);
    }, TEST_TIMEOUT_MS);

    it("truncated text, inserted text, corrupted bytes read as UTF-8 or Latin-1", () => {
      run("text and byte mutations", fromBases(bases, textPayload), RUNS.textAndBytes, 3);
    }, TEST_TIMEOUT_MS);

    it("arbitrary JSON, random bytes, deep nesting, the board's outline with wrong types", () => {
      run("garbage", garbagePayload(bases), RUNS.garbage, 4);
    }, TEST_TIMEOUT_MS);

    it("fields of hundreds of kilobytes", () => {
      run("huge fields", fromBases(bases, hugePayload), RUNS.huge, 5);
    }, TEST_TIMEOUT_MS);
  });
}
