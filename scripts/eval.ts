/**
 * `npm run eval [-- --dir <folder>]`: runs the normalizers over labeled sets (roles.jsonl,
 * salaries.jsonl, locations.jsonl in tests/fixtures/eval, or in the folder given, such as a set kept
 * outside the project) and prints one figure per line against its goal, then the misses. A report:
 * exits 0 when figures are short, 1 when a set is missing or malformed.
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationFigure } from "@/lib/normalize/evaluation/figures";
import { evaluateLocation, parseLabeledLocations } from "@/lib/normalize/evaluation/location";
import { evaluateRoles, formatFigure, parseLabeledRoles, type Figure, type Misclassified } from "@/lib/normalize/evaluation/role";
import { evaluateSalary, parseLabeledSalaries } from "@/lib/normalize/evaluation/salary";

const DEFAULT_DIR = fileURLToPath(new URL("../tests/fixtures/eval/", import.meta.url));
const MAX_MISSES = 20;
const COMPARISON = { ">=": "≥", "<=": "≤", "==": "=" } as const;

function describeMiss({ example, predicted, wrong }: Misclassified): string {
  const expected = `fit=${example.fit} family=${example.family} level=${example.level}`;
  const got = `fit=${predicted.fit} family=${predicted.family} level=${predicted.level}`;
  const description = example.description ? " (with description)" : "";
  return `- ${JSON.stringify(example.title)}${description}\n    expected ${expected}\n    got      ${got}  [wrong: ${wrong.join(", ")}]\n    reasons: ${predicted.reasons.join(" | ")}`;
}

/** Salary and location figures in the roles' report format: ratios with two decimals, counts whole. */
function asFigure(figure: EvaluationFigure): Figure {
  return {
    name: figure.name,
    value: figure.value,
    goal: figure.goal?.value ?? null,
    comparison: figure.goal ? COMPARISON[figure.goal.op] : undefined,
    count: !/accuracy|precision|recall|f1/.test(figure.name),
  };
}

function parseArgs(args: string[]): string {
  if (args.length === 0) return DEFAULT_DIR;
  if (args.length === 2 && args[0] === "--dir") return resolve(args[1]!);
  throw new Error("usage: npm run eval [-- --dir <folder with roles.jsonl, salaries.jsonl, locations.jsonl>]");
}

/** Reads and parses one labeled set; a missing or malformed file is an error naming it. */
async function labeledSet<T>(dir: string, name: string, parse: (jsonl: string) => T[]): Promise<T[]> {
  const file = join(dir, name);
  let jsonl: string;
  try {
    jsonl = await readFile(file, "utf8");
  } catch {
    throw new Error(`the labeled set is missing: ${file}`);
  }
  try {
    const examples = parse(jsonl);
    if (examples.length === 0) throw new Error("it is empty");
    return examples;
  } catch (error) {
    throw new Error(`${file} is malformed: ${(error as Error).message}`, { cause: error });
  }
}

async function main(): Promise<number> {
  let dir: string;
  let sets;
  try {
    dir = parseArgs(process.argv.slice(2));
    sets = {
      roles: await labeledSet(dir, "roles.jsonl", parseLabeledRoles),
      salaries: await labeledSet(dir, "salaries.jsonl", parseLabeledSalaries),
      locations: await labeledSet(dir, "locations.jsonl", parseLabeledLocations),
    };
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 1;
  }

  const roles = evaluateRoles(sets.roles);
  const salary = evaluateSalary(sets.salaries);
  const location = evaluateLocation(sets.locations);

  console.log(`roles: ${roles.total} labeled postings (${relative(process.cwd(), join(dir, "roles.jsonl"))})`);
  for (const figure of [...roles.figures, ...salary.figures.map(asFigure), ...location.figures.map(asFigure)]) {
    console.log(formatFigure(figure));
  }

  if (roles.misclassified.length > 0) {
    const shown = roles.misclassified.slice(0, MAX_MISSES);
    console.log(`\nmisclassified roles: ${roles.misclassified.length} (showing ${shown.length}, fit mistakes first)`);
    for (const miss of shown) console.log(describeMiss(miss));
  }
  for (const [name, report] of [["salary", salary], ["location", location]] as const) {
    const misses = report.lines.slice(report.figures.length).map((line) => line.trim());
    if (misses.length === 0) continue;
    console.log(`\n${name} misses: ${misses.length}${misses.length > MAX_MISSES ? ` (showing ${MAX_MISSES})` : ""}`);
    for (const line of misses.slice(0, MAX_MISSES)) console.log(`- ${line}`);
  }
  return 0;
}

// A closed pipe (`| head`) is a normal way for a reader to stop.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main();
