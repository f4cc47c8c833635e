/**
 * Load generators run as their own processes, so the server under test never shares their event
 * loop. A program reads its JSON spec from argv and prints its JSON result as the last stdout line.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs `module` (a file URL) with `spec` under tsx and resolves with its last stdout line, parsed.
 * Killed if it outlives `seconds` by two minutes. `onLine` sees every stdout line as it arrives.
 */
export function runChildProgram<T>(module: string, spec: { seconds: number }, onLine: (line: string) => void = () => {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(module), JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let seen = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split("\n").slice(0, -1);
      for (const line of lines.slice(seen)) onLine(line);
      seen = lines.length;
    });
    const guard = setTimeout(() => child.kill("SIGKILL"), (spec.seconds + 120) * 1000);
    child.on("exit", (code) => {
      clearTimeout(guard);
      const line = out.trim().split("\n").pop();
      if (code !== 0 || !line) reject(new Error(`${fileURLToPath(module)} exited with code ${code}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

/** When `module` is the program node was started with: run `main` on the argv spec and print its result. */
export function runAsProgram<S>(module: string, main: (spec: S) => Promise<unknown>): void {
  if (!process.argv[1] || fileURLToPath(module) !== process.argv[1]) return;
  main(JSON.parse(process.argv[2] ?? "{}") as S)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
