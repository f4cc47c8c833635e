import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
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

  it("evaluates a set kept elsewhere with --dir, and shows what it got wrong", async () => {
    const dir = join(directory, "outside-set");
    await mkdir(dir);
    await writeFile(
      join(dir, "roles.jsonl"),
      [
        { title: "Staff Machine Learning Engineer", fit: true, family: "ml_engineering", level: "staff" },
        // Labeled wrongly on purpose: the report must count it against fit recall and list it.
        { title: "Senior Data Analyst", fit: true, family: "ml_engineering", level: "senior" },
      ].map((line) => JSON.stringify(line)).join("\n"),
    );
    await writeFile(join(dir, "salaries.jsonl"), JSON.stringify({ text: "$180,000 - $240,000", expected: { min: 180000, max: 240000, currency: "USD", interval: "year" } }));
    await writeFile(join(dir, "locations.jsonl"), JSON.stringify({ text: "Remote (US only)", expected: { remote: "remote", countries: ["US"], remoteRegions: ["US"] } }));
    const { stdout } = await run(tsx, ["scripts/eval.ts", "--dir", dir], { cwd: root });
    expect(stdout).toMatch(/^roles: 2 labeled postings/m);
    expect(stdout).toMatch(/^fit recall: 0\.50 \(goal: ≥ 0\.95\) SHORT$/m);
    expect(stdout).toMatch(/^salary exact-match accuracy: 1\.00 \(goal: ≥ 0\.95\) ok$/m);
    expect(stdout).toMatch(/^location cases: 1$/m);
    // No case states a time zone: no accuracy is printed for it (0 of 0 is not 0.00).
    expect(stdout).not.toMatch(/time-zone accuracy/);
    expect(stdout).toContain('- "Senior Data Analyst"');
  });

  it("exits 1 naming the file when a set is missing", async () => {
    const error = await run(tsx, ["scripts/eval.ts", "--dir", join(directory, "nowhere")], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toMatch(/the labeled set is missing: .*nowhere\/roles\.jsonl/);
  });
});
