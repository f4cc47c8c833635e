/**
 * Several endpoints loaded at once from one process (the server under test keeps its own cores'
 * event loop): each endpoint gets its own connections and its own figures, all for the same
 * seconds. `node --import tsx bench/lib/mixed-load.ts '<json MixedLoadSpec>'` prints one JSON line
 * of { endpoint name: LoadResult }. Built on load-generator.ts (loopback only, bounded in time and
 * requests).
 */
import { runAsProgram, runChildProgram } from "./child-program";
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
  return runChildProgram<MixedLoadResult>(import.meta.url, spec, (line) => {
    if (line === START_LINE) onStart();
  });
}

runAsProgram(import.meta.url, async (spec: MixedLoadSpec) => {
  process.stdout.write(`${START_LINE}\n`);
  return generateMixedLoad(spec);
});
