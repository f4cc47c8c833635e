/**
 * `npm run eval`: runs the normalizers over the labeled sets in tests/fixtures/eval and prints one
 * figure per line against its goal (roles here; salary and location from their own evaluation
 * modules when present), then the misclassified examples. A report: exits 0 when figures are
 * short, 1 only when the labeled role set is missing or malformed.
 */
import { access, readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { evaluateRoles, formatFigure, parseLabeledRoles, type Misclassified } from "@/lib/normalize/evaluation/role";

const ROLES_PATH = fileURLToPath(new URL("../tests/fixtures/eval/roles.jsonl", import.meta.url));
const MAX_MISSES = 20;

function describeMiss({ example, predicted, wrong }: Misclassified): string {
  const expected = `fit=${example.fit} family=${example.family} level=${example.level}`;
  const got = `fit=${predicted.fit} family=${predicted.family} level=${predicted.level}`;
  const description = example.description ? " (with description)" : "";
  return `- ${JSON.stringify(example.title)}${description}\n    expected ${expected}\n    got      ${got}  [wrong: ${wrong.join(", ")}]\n    reasons: ${predicted.reasons.join(" | ")}`;
}

/** What another normalizer's evaluation adds: figure lines, and its misses for the end of the report. */
interface OptionalReport {
  figures: string[];
  misses: string[];
}

/** The other normalizers' evaluations are optional modules; a missing one is reported, not fatal. */
async function optionalEvaluation(name: string, exportName: string): Promise<OptionalReport> {
  const file = fileURLToPath(new URL(`../lib/normalize/evaluation/${name}.ts`, import.meta.url));
  try {
    await access(file);
  } catch {
    return { figures: [`${name}: no evaluation yet (lib/normalize/evaluation/${name}.ts is missing)`], misses: [] };
  }
  try {
    // Imported by URL: the module may not exist yet, and that must not fail type-checking.
    const evaluate = ((await import(pathToFileURL(file).href)) as Record<string, unknown>)[exportName];
    if (typeof evaluate !== "function") {
      return { figures: [`${name}: lib/normalize/evaluation/${name}.ts does not export ${exportName}()`], misses: [] };
    }
    return reportOf((await evaluate()) as unknown);
  } catch (error) {
    return { figures: [`${name}: evaluation failed: ${(error as Error).message}`], misses: [] };
  }
}

const foreignFigureSchema = z.object({
  name: z.string(),
  value: z.number(),
  goal: z.object({ op: z.enum([">=", "<=", "=="]), value: z.number() }).optional(),
});
const foreignReportSchema = z.object({ figures: z.array(foreignFigureSchema), lines: z.array(z.string()).optional() });
const COMPARISON = { ">=": "≥", "<=": "≤", "==": "=" } as const;

/** Their figures in this report's format; their report lines after the figures are the misses. */
function reportOf(result: unknown): OptionalReport {
  const parsed = foreignReportSchema.safeParse(result);
  if (!parsed.success) return { figures: [`evaluation returned an unexpected shape: ${JSON.stringify(result).slice(0, 200)}`], misses: [] };
  const { figures, lines = [] } = parsed.data;
  return {
    figures: figures.map((figure) =>
      formatFigure({
        name: figure.name,
        value: figure.value,
        goal: figure.goal?.value ?? null,
        comparison: figure.goal ? COMPARISON[figure.goal.op] : undefined,
        count: Number.isInteger(figure.value) && !/accuracy|precision|recall|f1|rate|ratio|share/i.test(figure.name),
      }),
    ),
    misses: lines.slice(figures.length).map((line) => line.trim()),
  };
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
  const salary = await optionalEvaluation("salary", "evaluateSalary");
  const location = await optionalEvaluation("location", "evaluateLocation");

  console.log(`roles: ${evaluation.total} labeled postings (tests/fixtures/eval/roles.jsonl)`);
  for (const figure of evaluation.figures) console.log(formatFigure(figure));
  for (const line of [...salary.figures, ...location.figures]) console.log(line);

  if (evaluation.misclassified.length > 0) {
    const shown = evaluation.misclassified.slice(0, MAX_MISSES);
    console.log(`\nmisclassified roles: ${evaluation.misclassified.length} (showing ${shown.length}, fit mistakes first)`);
    for (const miss of shown) console.log(describeMiss(miss));
  }
  for (const [name, report] of [["salary", salary], ["location", location]] as const) {
    if (report.misses.length === 0) continue;
    console.log(`\n${name} misses: ${report.misses.length}${report.misses.length > MAX_MISSES ? ` (showing ${MAX_MISSES})` : ""}`);
    for (const line of report.misses.slice(0, MAX_MISSES)) console.log(`- ${line}`);
  }
  return 0;
}

// A closed pipe (`| head`) is a normal way for a reader to stop.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main();
