/**
 * `npm test`: vitest (unit + integration, on the embedded database or on DATABASE_URL), then the
 * Playwright e2e suite in Chromium when one is installed (skipped, with the reason, when none is).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const bin = (name: string) => path.join(process.cwd(), "node_modules/.bin", name);
const passThrough = process.argv.slice(2);
mkdirSync("test-results", { recursive: true });

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

function vitest(): { code: number; tally: Tally } {
  const result = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json", ...passThrough], {
    stdio: "inherit",
  });
  const report = readJson("test-results/vitest.json") as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    | undefined;
  return {
    code: result.status ?? 1,
    tally: {
      passed: report?.numPassedTests ?? 0,
      failed: report?.numFailedTests ?? (result.status === 0 ? 0 : 1),
      skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    },
  };
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

function e2e(): { code: number; tally: Tally } {
  const chromium = findChromium();
  if (!chromium) {
    console.log("e2e: skipped: no Chromium found. Install one with `apt-get install chromium` (Debian) or set CHROMIUM_PATH.");
    return { code: 0, tally: { passed: 0, failed: 0, skipped: 1 } };
  }
  const result = spawnSync(bin("playwright"), ["test"], { stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } });
  const report = readJson("test-results/e2e.json") as { stats?: { expected: number; unexpected: number; skipped: number; flaky: number } } | undefined;
  const stats = report?.stats;
  return {
    code: result.status ?? 1,
    tally: {
      passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
      failed: stats?.unexpected ?? (result.status === 0 ? 0 : 1),
      skipped: stats?.skipped ?? 0,
    },
  };
}

const unit = vitest();
// A filtered run (`npm test -- some/file`) is about vitest only.
const browser = passThrough.length ? { code: 0, tally: { passed: 0, failed: 0, skipped: 0 } } : e2e();
const total = {
  passed: unit.tally.passed + browser.tally.passed,
  failed: unit.tally.failed + browser.tally.failed,
  skipped: unit.tally.skipped + browser.tally.skipped,
};
const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite";
console.log(`\ndatabase: ${database}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(unit.code !== 0 || browser.code !== 0 ? 1 : 0);
