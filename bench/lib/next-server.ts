/**
 * The built site under `next start` on 127.0.0.1 (a free port), for benchmarks that load it from
 * another process. The caller builds first (scripts/next-build.ts buildIfStale).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { nextBin } from "@/scripts/next-build";

export interface NextServer {
  origin: string;
  process: ChildProcess;
  /** The last lines the server wrote (stdout and stderr). */
  recentOutput(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Waits until `url` answers 200, failing early when `child` exits. */
export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the site did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, SITE_URL: origin, PAGE_CACHE_ORIGIN: origin, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const server: NextServer = { origin, process: child, recentOutput: () => output.slice(-30).join("\n"), stop: () => stopChild(child) };
  try {
    await waitUntilServing(`${origin}/sign-in`, child, 120_000);
  } catch (error) {
    console.error(server.recentOutput());
    await server.stop();
    throw error;
  }
  return server;
}
