/**
 * A bounded HTTP load generator, run as its own process so the server under test does not share
 * its event loop: `node --import tsx bench/lib/load-generator.ts '<json LoadSpec>'` prints one JSON
 * LoadResult line. Loopback targets only; it stops after `maxRequests` or `seconds`, whichever is
 * first, and gives up on a request after `timeoutMs`.
 */
import { Pool } from "undici";
import { runAsProgram, runChildProgram } from "./child-program";

export interface LoadSpec {
  origin: string;
  /** Paths sent round-robin. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  maxRequests: number;
  /** Untimed requests first (per connection), to warm caches and JIT. */
  warmup: number;
  timeoutMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status codes other than 200, and network errors, with counts. */
  errorKinds: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.origin);
  if (!LOOPBACK.test(url.hostname)) throw new Error(`load generator: ${url.hostname} is not a loopback address`);
  const pool = new Pool(url.origin, { connections: spec.connections, pipelining: 1, headersTimeout: spec.timeoutMs, bodyTimeout: spec.timeoutMs });
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let sent = 0;
  let bytes = 0;
  const one = async (path: string, record: boolean) => {
    const start = performance.now();
    try {
      const response = await pool.request({ method: "GET", path, headers: spec.headers });
      const body = await response.body.arrayBuffer();
      if (!record) return;
      latencies.push(performance.now() - start);
      bytes += body.byteLength;
      if (response.statusCode !== 200) errorKinds[`HTTP ${response.statusCode}`] = (errorKinds[`HTTP ${response.statusCode}`] ?? 0) + 1;
    } catch (error) {
      if (!record) return;
      const kind = error instanceof Error ? (error as Error & { code?: string }).code ?? error.name : "error";
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      latencies.push(performance.now() - start);
    }
  };
  try {
    let warm = 0;
    await Promise.all(
      Array.from({ length: spec.connections }, async () => {
        for (let i = 0; i < spec.warmup; i++) await one(spec.paths[warm++ % spec.paths.length]!, false);
      }),
    );
    const started = performance.now();
    const deadline = started + spec.seconds * 1000;
    await Promise.all(
      Array.from({ length: spec.connections }, async () => {
        while (sent < spec.maxRequests && performance.now() < deadline) {
          const path = spec.paths[sent++ % spec.paths.length]!;
          await one(path, true);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
    return {
      requests: latencies.length,
      errors,
      errorKinds,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      bytes,
    };
  } finally {
    await pool.close();
  }
}

/** Runs the load generator in its own process and returns what it measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return runChildProgram<LoadResult>(import.meta.url, spec);
}

runAsProgram(import.meta.url, generateLoad);
