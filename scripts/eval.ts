/**
 * `npm run eval`: runs the normalizers over the labeled sets in tests/fixtures/eval and prints one
 * figure per line against its goal, then the misclassified roles. A report: exits 0 when figures
 * are short, 1 only when the labeled set is missing or malformed.
 */
import { access, readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { evaluateRoles, formatFigure, parseLabeledRoles, type Misclassified } from "@/lib/normalize/evaluation/role";

const ROLES_PATH = fileURLToPath(new URL("../tests/fixtures/eval/roles.jsonl", import.meta.url));
const MAX_MISCLASSIFIED = 20;

function describeMiss({ example, predicted, wrong }: Misclassified): string {
  const expected = `fit=${example.fit} family=${example.family} level=${example.level}`;
  const got = `fit=${predicted.fit} family=${predicted.family} level=${predicted.level}`;
  const description = example.description ? " (with description)" : "";
  return `- ${JSON.stringify(example.title)}${description}\n    expected ${expected}\n    got      ${got}  [wrong: ${wrong.join(", ")}]\n    reasons: ${predicted.reasons.join(" | ")}`;
}

/** The other normalizers' evaluations are optional modules; a missing one is reported, not fatal. */
async function printOptionalEvaluation(name: string, exportName: string): Promise<void> {
  const file = fileURLToPath(new URL(`../lib/normalize/evaluation/${name}.ts`, import.meta.url));
  try {
    await access(file);
  } catch {
    console.log(`${name}: no evaluation yet (lib/normalize/evaluation/${name}.ts is missing)`);
    return;
  }
  // Imported by URL: the module may not exist yet, and that must not fail type-checking.
  const evaluate = ((await import(pathToFileURL(file).href)) as Record<string, unknown>)[exportName];
  if (typeof evaluate !== "function") {
    console.log(`${name}: lib/normalize/evaluation/${name}.ts does not export ${exportName}()`);
    return;
  }
  const result: unknown = await evaluate();
  for (const line of reportLines(result)) console.log(line);
}

/** Accepts the shapes an evaluation may return: figures, lines of text, or a plain record of numbers. */
function reportLines(result: unknown): string[] {
  if (typeof result === "string") return result.split("\n").filter((line) => line.trim() !== "");
  if (Array.isArray(result)) return result.flatMap(reportLines);
  if (result && typeof result === "object") {
    const record = result as Record<string, unknown>;
    if (Array.isArray(record.lines)) return record.lines.flatMap(reportLines);
    if (Array.isArray(record.figures)) return record.figures.flatMap(reportLines);
    if (typeof record.name === "string" && typeof record.value === "number") {
      return [formatFigure({ name: record.name, value: record.value, goal: typeof record.goal === "number" ? record.goal : null })];
    }
    return Object.entries(record)
      .filter(([, value]) => typeof value === "number")
      .map(([key, value]) => `${key}: ${(value as number).toFixed(2)}`);
  }
  return [];
}

async function main(): Promise<number> {
  let jsonl: string;
  try {
    jsonl = await readFile(ROLES_PATH, "utf8");
  } catch {
    console.error(`eval: the labeled role set is missing: ${ROLES_PATH}`);
    return 1;
  }
  let examples;
  try {
    examples = parseLabeledRoles(jsonl);
  } catch (error) {
    console.error(`eval: ${ROLES_PATH} is malformed: ${(error as Error).message}`);
    return 1;
  }

  const evaluation = evaluateRoles(examples);
  console.log(`roles: ${evaluation.total} labeled postings (tests/fixtures/eval/roles.jsonl)`);
  for (const figure of evaluation.figures) console.log(formatFigure(figure));

  await printOptionalEvaluation("salary", "evaluateSalary");
  await printOptionalEvaluation("location", "evaluateLocation");

  if (evaluation.misclassified.length > 0) {
    const shown = evaluation.misclassified.slice(0, MAX_MISCLASSIFIED);
    console.log(`\nmisclassified roles: ${evaluation.misclassified.length} (showing ${shown.length}, fit mistakes first)`);
    for (const miss of shown) console.log(describeMiss(miss));
  }
  return 0;
}

process.exitCode = await main();
