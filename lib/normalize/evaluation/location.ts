/**
 * Location parsing against a labeled set (tests/fixtures/eval/locations.jsonl by default, or any
 * JSONL text / cases given): exact match of work mode, countries, remote regions, and cities and
 * time-zone span where a case states them; plus the accuracy of each part.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatEvaluationFigure, parseJsonLines, ratio, type EvaluationFigure } from "@/lib/normalize/evaluation/figures";
import { canonicalCityName, fold } from "@/lib/normalize/gazetteer";
import { parseLocation } from "@/lib/normalize/location";
import type { LocationInfo } from "@/lib/normalize/types";

export const LOCATION_SET_PATH = new URL("../../../tests/fixtures/eval/locations.jsonl", import.meta.url);

export const labeledLocationSchema = z
  .object({
    /** One location string, or several as a board lists them. */
    text: z.string().optional(),
    locations: z.array(z.string()).optional(),
    remoteHint: z.enum(["remote", "hybrid", "onsite"]).optional(),
    remoteEligibility: z.array(z.string()).optional(),
    expected: z.object({
      remote: z.enum(["remote", "hybrid", "onsite", "unknown"]),
      countries: z.array(z.string()),
      remoteRegions: z.array(z.string()),
      cities: z.array(z.string()).optional(),
      tzMinOffset: z.number().nullable().optional(),
      tzMaxOffset: z.number().nullable().optional(),
    }),
  })
  .refine((value) => value.text !== undefined || value.locations !== undefined, "needs text or locations");
export type LabeledLocation = z.infer<typeof labeledLocationSchema>;

type Part = "remote" | "countries" | "remoteRegions" | "cities" | "timeZone";

export interface LocationMiss {
  input: string[];
  wrong: Part[];
  expected: LabeledLocation["expected"];
  actual: Pick<LocationInfo, "remote" | "countries" | "remoteRegions" | "cities" | "tzMinOffset" | "tzMaxOffset">;
}

export interface LocationEvaluation {
  figures: EvaluationFigure[];
  misses: LocationMiss[];
  lines: string[];
}

export const LOCATION_GOALS = { accuracy: 0.9 } as const;

export function parseLabeledLocations(jsonl: string): LabeledLocation[] {
  return parseJsonLines(jsonl, (value) => labeledLocationSchema.parse(value));
}

/** The spec lets a labeler write "EU" or "EUROPE" for Europe; either counts as the same answer. */
function regionKey(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper === "EU" ? "EUROPE" : upper;
}

/** Cities compare by the gazetteer's spelling when it knows them ("Bangalore" = "Bengaluru"). */
function cityKey(name: string): string {
  return fold(canonicalCityName(name) ?? name);
}

function sameSet(a: readonly string[], b: readonly string[], key: (value: string) => string): boolean {
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** Scores parseLocation on the default set, or on JSONL text or parsed cases when given. */
export function evaluateLocation(input?: string | readonly LabeledLocation[]): LocationEvaluation {
  const cases = typeof input === "object" ? input : parseLabeledLocations(input ?? readFileSync(LOCATION_SET_PATH, "utf8"));
  const misses: LocationMiss[] = [];
  const correct: Record<Part, number> = { remote: 0, countries: 0, remoteRegions: 0, cities: 0, timeZone: 0 };
  const counted: Record<Part, number> = { remote: 0, countries: 0, remoteRegions: 0, cities: 0, timeZone: 0 };
  for (const labeled of cases) {
    const locations = labeled.locations ?? (labeled.text === undefined ? [] : [labeled.text]);
    const info = parseLocation({ locations, remoteHint: labeled.remoteHint, remoteEligibility: labeled.remoteEligibility });
    const { expected } = labeled;
    const checks: [Part, boolean | null][] = [
      ["remote", info.remote === expected.remote],
      ["countries", sameSet(info.countries, expected.countries, (code) => code.toUpperCase())],
      ["remoteRegions", sameSet(info.remoteRegions, expected.remoteRegions, regionKey)],
      ["cities", expected.cities ? sameSet(info.cities, expected.cities, cityKey) : null],
      [
        "timeZone",
        expected.tzMinOffset !== undefined || expected.tzMaxOffset !== undefined
          ? info.tzMinOffset === (expected.tzMinOffset ?? null) && info.tzMaxOffset === (expected.tzMaxOffset ?? null)
          : null,
      ],
    ];
    const wrong: Part[] = [];
    for (const [part, ok] of checks) {
      if (ok === null) continue;
      counted[part]++;
      if (ok) correct[part]++;
      else wrong.push(part);
    }
    if (wrong.length) {
      const { remote, countries, remoteRegions, cities, tzMinOffset, tzMaxOffset } = info;
      misses.push({ input: locations, wrong, expected, actual: { remote, countries, remoteRegions, cities, tzMinOffset, tzMaxOffset } });
    }
  }
  // A part no case states (a set without time zones) has no accuracy to report.
  const part = (name: string, key: Part): EvaluationFigure[] =>
    counted[key] ? [{ name: `location ${name} accuracy`, value: ratio(correct[key], counted[key]) }] : [];
  const figures: EvaluationFigure[] = [
    { name: "location exact-match accuracy", value: ratio(cases.length - misses.length, cases.length), goal: { op: ">=", value: LOCATION_GOALS.accuracy } },
    ...part("remote/hybrid/onsite", "remote"),
    ...part("countries", "countries"),
    ...part("remote regions", "remoteRegions"),
    ...part("cities", "cities"),
    ...part("time-zone", "timeZone"),
    { name: "location cases", value: cases.length },
  ];
  const lines = [
    ...figures.map(formatEvaluationFigure),
    ...misses.map((miss) => `  location miss: ${JSON.stringify(miss.input)} wrong ${miss.wrong.join(", ")}: expected ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.actual)}`),
  ];
  return { figures, misses, lines };
}
