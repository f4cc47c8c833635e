/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running site.
 * With no DATABASE_URL it serves the embedded database from this process, migrates it,
 * loads the demo data when it is empty, builds when the build is missing or stale, then runs Next.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, getDb, stopEmbeddedDatabase } from "../lib/db";
import { migrate } from "../lib/database/migrator";
import { env } from "../lib/env";
import { loadDemoDataIfEmpty } from "../scrapers/demo";

const dev = process.argv.includes("--dev");
const root = process.cwd();

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "scrapers"].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources, statSync(path.join(root, "package.json")).mtimeMs) > built;
}

function run(command: string, args: string[], extraEnv: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<number> {
  const config = env();
  const databaseUrl = await ensureDatabase();
  console.log(config.DATABASE_URL ? "database: DATABASE_URL" : `database: embedded PGlite in ${config.DATA_DIR}/pglite`);
  const migrated = await migrate(databaseUrl, { log: (line) => console.log(`migrate: ${line}`) });
  console.log(`migrate: ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already applied`);
  const demo = await loadDemoDataIfEmpty(getDb(), (line) => console.log(`demo: ${line}`));
  if (demo) console.log(`demo: loaded ${demo.postings} postings from ${demo.files} payloads`);

  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const childEnv = { DATABASE_URL: databaseUrl };
  if (dev) return run(process.execPath, [nextBin, "dev", "-p", String(config.PORT)], childEnv);
  if (buildIsStale()) {
    console.log("build: building the site (once, or after code changes)");
    const code = await run(process.execPath, [nextBin, "build"], childEnv);
    if (code !== 0) return code;
  }
  console.log(`serving http://localhost:${config.PORT}`);
  return run(process.execPath, [nextBin, "start", "-p", String(config.PORT)], childEnv);
}

main()
  .then(async (code) => {
    await stopEmbeddedDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    await stopEmbeddedDatabase();
    process.exit(1);
  });
