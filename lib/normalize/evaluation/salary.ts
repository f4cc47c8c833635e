/**
 * Salary parsing against a labeled set (tests/fixtures/eval/salaries.jsonl by default, or any
 * JSONL text / cases given): exact-match accuracy and the count of wrong-currency results.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatEvaluationFigure, parseJsonLines, ratio, type EvaluationFigure } from "@/lib/normalize/evaluation/figures";
import { parseSalary } from "@/lib/normalize/salary";
import type { Salary } from "@/lib/normalize/types";

export const SALARY_SET_PATH = new URL("../../../tests/fixtures/eval/salaries.jsonl", import.meta.url);

const expectedSalarySchema = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.string().length(3),
  interval: z.enum(["hour", "day", "week", "month", "year"]),
});

export const labeledSalarySchema = z.object({
  text: z.string(),
  /** null: the text must give no salary (ambiguous, equity, bonus, ...). */
  expected: expectedSalarySchema.nullable(),
  /** Countries of the posting, for texts that need them ("kr"). */
  countries: z.array(z.string()).optional(),
});
export type LabeledSalary = z.infer<typeof labeledSalarySchema>;

export interface SalaryMiss {
  text: string;
  expected: LabeledSalary["expected"];
  actual: Pick<Salary, "min" | "max" | "currency" | "interval"> | null;
}

export interface SalaryEvaluation {
  figures: EvaluationFigure[];
  misses: SalaryMiss[];
  /** Report lines: the figures, then the misses. */
  lines: string[];
}

export const SALARY_GOALS = { accuracy: 0.95, wrongCurrency: 0 } as const;

export function parseLabeledSalaries(jsonl: string): LabeledSalary[] {
  return parseJsonLines(jsonl, (value) => labeledSalarySchema.parse(value));
}

function sameAmount(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 0.5;
}

/** Scores parseSalary on the default set, or on JSONL text or parsed cases when given. */
export function evaluateSalary(input?: string | readonly LabeledSalary[]): SalaryEvaluation {
  const cases = typeof input === "object" ? input : parseLabeledSalaries(input ?? readFileSync(SALARY_SET_PATH, "utf8"));
  const misses: SalaryMiss[] = [];
  let wrongCurrency = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const labeled of cases) {
    const parsed = parseSalary(labeled.text, { countries: labeled.countries });
    const actual = parsed && { min: parsed.min, max: parsed.max, currency: parsed.currency, interval: parsed.interval };
    const { expected } = labeled;
    const exact = expected === null || actual === null
      ? expected === actual
      : sameAmount(actual.min, expected.min) && sameAmount(actual.max, expected.max) &&
        actual.currency === expected.currency && actual.interval === expected.interval;
    if (exact) continue;
    misses.push({ text: labeled.text, expected, actual });
    if (expected && actual && actual.currency !== expected.currency) wrongCurrency++;
    if (!expected && actual) falsePositives++;
    if (expected && !actual) falseNegatives++;
  }
  const figures: EvaluationFigure[] = [
    { name: "salary exact-match accuracy", value: ratio(cases.length - misses.length, cases.length), goal: { op: ">=", value: SALARY_GOALS.accuracy } },
    { name: "salary wrong-currency results", value: wrongCurrency, goal: { op: "==", value: SALARY_GOALS.wrongCurrency } },
    { name: "salary given where none is (false positives)", value: falsePositives },
    { name: "salary missed (false negatives)", value: falseNegatives },
    { name: "salary cases", value: cases.length },
  ];
  const lines = [
    ...figures.map(formatEvaluationFigure),
    ...misses.map((miss) => `  salary miss: ${JSON.stringify(miss.text)} expected ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.actual)}`),
  ];
  return { figures, misses, lines };
}
