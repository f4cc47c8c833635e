import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "mlradar-classify-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("npm run classify", () => {
  it("prints one JSON line per input line, in order, with an error line for each bad one", async () => {
    const file = join(directory, "postings.jsonl");
    await writeFile(
      file,
      [
        JSON.stringify({ title: "Senior Machine Learning Engineer", description: "Model serving with PyTorch on Kubernetes.", location: "Remote - US", salary: "$180,000 - $220,000" }),
        "",
        "{not json",
        JSON.stringify({ description: "no title here" }),
        JSON.stringify({ title: "ML Recruiter" }),
      ].join("\n"),
    );
    const { stdout } = await run(tsx, ["scripts/classify.ts", file], { cwd: root });
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ fit: true, family: "ml_engineering", level: "senior" });
    expect(lines[0]?.skills).toEqual(expect.arrayContaining(["model-serving", "pytorch", "kubernetes"]));
    expect(typeof lines[0]?.score).toBe("number");
    expect(Array.isArray(lines[0]?.reasons)).toBe(true);
    expect(lines[0]?.remote).toBe("remote");
    expect(lines[0]?.salary).toMatchObject({ min: 180_000, max: 220_000, currency: "USD", interval: "year", annualUsdMin: 180_000, annualUsdMax: 220_000 });
    expect(lines[1]?.error).toMatch(/^line 3: not valid JSON/);
    expect(lines[2]?.error).toMatch(/^line 4: title/);
    expect(lines[3]).toMatchObject({ fit: false, family: "other", salary: null, remote: "unknown" });
  });

  it("fails with a message when the file cannot be read", async () => {
    await expect(run(tsx, ["scripts/classify.ts", join(directory, "missing.jsonl")], { cwd: root })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("cannot read"),
    });
  });
});

describe("npm run eval", () => {
  it("prints every figure against its goal and exits 0", async () => {
    const { stdout } = await run(tsx, ["scripts/eval.ts"], { cwd: root });
    for (const name of ["fit precision", "fit recall", "fit f1", "family accuracy", "level accuracy"]) {
      expect(stdout).toMatch(new RegExp(`^${name}: \\d\\.\\d\\d \\(goal: ≥ \\d\\.\\d\\d\\) (?:ok|SHORT)$`, "m"));
    }
  });
});
