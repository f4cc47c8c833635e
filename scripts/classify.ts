/**
 * `npm run classify -- <file.jsonl>` (or `-` / piped stdin): one JSON object per input line with
 * `title` and optional `description`, `location`, `salary` (free text); prints one JSON line per
 * input, in order. A malformed line prints {"error": "..."} in its place and the rest continue.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { z } from "zod";
import { parseLocation } from "@/lib/normalize/location";
import { classifyRole } from "@/lib/normalize/role-fit";
import { parseSalary, salaryFromDescription } from "@/lib/normalize/salary";
import { extractSkills } from "@/lib/normalize/skills";

const inputLineSchema = z.object({
  title: z.string({ error: "title is required (a string)" }).trim().min(1, "title is required"),
  description: z.string().nullish(),
  location: z.string().nullish(),
  salary: z.string().nullish(),
});

type InputLine = z.infer<typeof inputLineSchema>;

function classifyPosting(input: InputLine) {
  const roleFit = classifyRole({ title: input.title, description: input.description });
  const place = parseLocation({
    locations: input.location ? [input.location] : [],
    text: input.description ?? undefined,
  });
  const context = { countries: place.countries };
  // The salary field when given; otherwise only a clear pay-range sentence in the description.
  const salary = input.salary ? parseSalary(input.salary, context) : input.description ? salaryFromDescription(input.description, context) : null;
  return {
    title: input.title,
    fit: roleFit.fit,
    score: roleFit.score,
    family: roleFit.family,
    level: roleFit.level,
    skills: extractSkills(`${input.title}\n${input.description ?? ""}`),
    salary: salary && {
      min: salary.min,
      max: salary.max,
      currency: salary.currency,
      interval: salary.interval,
      annualUsdMin: salary.annualUsdMin,
      annualUsdMax: salary.annualUsdMax,
    },
    remote: place.remote,
    reasons: roleFit.reasons,
  };
}

/** One output line for one input line; never throws. */
function classifyLine(line: string, lineNumber: number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({ error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` });
  }
  const parsed = inputLineSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
    return JSON.stringify({ error: `line ${lineNumber}: ${problems.join("; ")}` });
  }
  try {
    return JSON.stringify(classifyPosting(parsed.data));
  } catch (error) {
    return JSON.stringify({ error: `line ${lineNumber}: ${(error as Error).message}` });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (extra.length > 0 || (file === undefined && process.stdin.isTTY)) {
    console.error("usage: npm run classify -- <file.jsonl>   (or pipe JSON lines on stdin)");
    return 1;
  }
  if (file !== undefined && file !== "-") {
    try {
      await access(file);
    } catch {
      console.error(`classify: cannot read ${file}`);
      return 1;
    }
  }
  const input = file === undefined || file === "-" ? process.stdin : createReadStream(file, "utf8");
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    if (!process.stdout.write(`${classifyLine(line, lineNumber)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
  return 0;
}

// A closed pipe (`| head`) is a normal way for a reader to stop.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
