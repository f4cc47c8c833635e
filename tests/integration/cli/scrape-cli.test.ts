import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const tsx = path.resolve("node_modules/.bin/tsx");

/** Async on purpose: the embedded test database is served from this process's event loop. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["scrapers/cli.ts", ...args], { env: { ...process.env, LOG_LEVEL: "silent", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// Each case spawns a TypeScript process, which takes seconds on a busy 2-core machine.
describe("npm run scrape", { timeout: 180_000 }, () => {
  const database = setupTestDatabase();

  it("parse prints one normalized posting per line and a summary on stderr", async () => {
    const { code, stdout, stderr } = await cli(["parse", "--kind", "greenhouse", "demo/payloads/greenhouse/tensorlane.json"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).toMatchObject({ company: "Tensorlane" });
      expect(typeof line.title).toBe("string");
      expect(String(line.url)).toMatch(/^https:\/\//);
      expect(line).toHaveProperty("fit");
      expect(line).toHaveProperty("reasons");
    }
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("tensorlane.json");
  });

  it("parse of a malformed file exits 1 with one line naming the file and what is wrong", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlradar-cli-"));
    const file = path.join(dir, "broken.json");
    writeFileSync(file, '{"jobs": [{"id": 1, "title": 42}]}');
    const { code, stdout, stderr } = await cli(["parse", "--kind", "greenhouse", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/title/);
  });

  it("rejects an unknown kind with the list of kinds", async () => {
    const { code, stderr } = await cli(["parse", "--kind", "monster", "x.json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("greenhouse");
  });

  it("import ingests into the database and sources list shows the run", async () => {
    const env = { DATABASE_URL: database.url };
    const imported = await cli(["import", "--kind", "lever", "--company", "Ledgerbird", "demo/payloads/lever/ledgerbird.json"], env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/ledgerbird\.json: \d+ postings, \d+ new/);
    const listed = await cli(["sources", "list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/lever:ledgerbird\s+Ledgerbird\s+yes\s+\S+ \S+\s+succeeded/);
  });
});
