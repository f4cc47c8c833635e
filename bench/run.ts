/**
 * `npm run bench -- <name>`: figures as medians/p95 over repeated runs, each against a baseline
 * measured in the same process where one exists. Exit code 0 even when a goal falls short: the
 * SHORT lines are the report.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printFigures, type Figure } from "./lib/report";

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""))
  .sort();

const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ")}`);
  process.exit(2);
}
const bench = (await import(`./${name}.bench.ts`)) as { run(args: string[]): Promise<Figure[]> };
const figures = await bench.run(process.argv.slice(3));
const allMet = printFigures(figures);
console.log(allMet ? `${name}: every goal met` : `${name}: some goals SHORT`);
process.exit(0);
