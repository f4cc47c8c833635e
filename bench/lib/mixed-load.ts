/**
 * Several endpoints loaded at once from one process (the server under test keeps its own cores'
 * event loop): each endpoint gets its own connections and its own figures, all for the same
 * seconds. `node --import tsx bench/lib/mixed-load.ts '<json MixedLoadSpec>'` prints one JSON line
 * of { endpoint name: LoadResult }. Built on load-generator.ts (loopback only, bounded in time and
 * requests).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { generateLoad, type LoadResult, type LoadSpec } from "./load-generator";

export interface EndpointLoad {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
}

export interface MixedLoadSpec extends Omit<LoadSpec, "paths" | "headers" | "connections"> {
  endpoints: EndpointLoad[];
}

export type MixedLoadResult = Record<string, LoadResult>;

/** Written by the child just before it starts sending. */
const START_LINE = "mixed-load: started";

export async function generateMixedLoad(spec: MixedLoadSpec): Promise<MixedLoadResult> {
  const { endpoints, ...common } = spec;
  const results = await Promise.all(
    endpoints.map((endpoint) =>
      generateLoad({ ...common, paths: endpoint.paths, headers: endpoint.headers, connections: endpoint.connections }),
    ),
  );
  return Object.fromEntries(endpoints.map((endpoint, index) => [endpoint.name, results[index]!]));
}

/**
 * Runs the mixed load in a child process; it is killed if it outlives its seconds by two minutes.
 * `onStart` is called when the child begins sending (its own start-up can take seconds on a busy machine).
 */
export function runMixedLoad(spec: MixedLoadSpec, onStart: () => void = () => {}): Promise<MixedLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "lib", "mixed-load.ts"), JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let started = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!started && out.includes(`${START_LINE}\n`)) {
        started = true;
        onStart();
      }
    });
    const guard = setTimeout(() => child.kill("SIGKILL"), (spec.seconds + 120) * 1000);
    child.on("exit", (code) => {
      clearTimeout(guard);
      const line = out.trim().split("\n").pop();
      if (code !== 0 || !line) reject(new Error(`mixed load generator exited with code ${code}`));
      else resolve(JSON.parse(line) as MixedLoadResult);
    });
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const spec = JSON.parse(process.argv[2] ?? "{}") as MixedLoadSpec;
  process.stdout.write(`${START_LINE}\n`);
  generateMixedLoad(spec)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
