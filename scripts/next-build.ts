import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
export const nextBin = path.join(root, "node_modules/next/dist/bin/next");

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

/** A build older than any source file it contains is rebuilt, so `npm start` never serves stale code. */
export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "scrapers", "public"].map((d) => newestMtime(path.join(root, d)));
  // proxy.ts is compiled into the build too, from the project root.
  const configs = ["package.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "proxy.ts"]
    .map((f) => path.join(root, f))
    .filter((f) => existsSync(f))
    .map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...configs) > built;
}

export function runNode(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
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

export async function buildIfStale(extraEnv: Record<string, string> = {}): Promise<number> {
  if (!buildIsStale()) return 0;
  console.log("build: building the site (once, or after code changes)");
  return runNode([nextBin, "build"], extraEnv);
}
