/**
 * The faulty career sites of http-faults.test.ts, served from a child process: a gzip bomb, 10 MB
 * bodies and a drip then cost the test process nothing, so the healthy sources' wall time with and
 * without faults measures the scraper (which does run in the test process), not the fault servers.
 *
 * The parent talks to the child over stdin/stdout, one JSON line per message: it switches the faults
 * on and reads the requests a site received. Each site answers well until the faults are switched on.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { ServerResponse } from "node:http";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startFixtureServer, type FixtureServer, type RecordedRequest } from "@/tests/helpers/fixture-server";
import { jobPage, listingPage } from "./career-pages";

export const FAULT_NAMES = [
  "retry-after",
  "unavailable",
  "drip",
  "redirect-loop",
  "ten-megabytes",
  "gzip-bomb",
  "invalid-utf8",
  "truncated",
  "format-change",
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

/** The path each source scrapes: the job page itself unless the fault needs a listing. */
export function faultPath(name: FaultName): string {
  return name === "format-change" ? "/jobs/" : "/job";
}

/** A request as the child saw it; `at` is the child's performance.now(), comparable only with its other requests. */
export interface SeenRequest {
  path: string;
  at: number;
}

export interface FaultSites {
  /** Each site's "http://127.0.0.1:<port>". */
  readonly urls: Record<FaultName, string>;
  setFaulty(on: boolean): Promise<void>;
  requests(site: FaultName, pathname?: string): Promise<SeenRequest[]>;
  close(): Promise<void>;
}

type Ask = { cmd: "faulty"; on: boolean } | { cmd: "requests"; site: FaultName; path?: string };
type Command = Ask & { id: number };

const PROGRAM = fileURLToPath(import.meta.url);

/** Starts the child and waits until every site listens. */
export async function startFaultSites(): Promise<FaultSites> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(process.execPath, ["--import", "tsx", PROGRAM, "serve"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  let ready: (urls: Record<FaultName, string>) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const started = new Promise<Record<FaultName, string>>((resolve, reject) => ((ready = resolve), (failed = reject)));
  lines.on("line", (line) => {
    const message = JSON.parse(line) as { ready?: Record<FaultName, string>; id?: number };
    if (message.ready) ready(message.ready);
    else if (message.id !== undefined) {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    }
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      failed(new Error(`the fault sites' process exited with code ${code} before it was ready`));
      resolve();
    }),
  );
  let next = 0;
  const ask = (command: Ask) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  const urls = await started;
  return {
    urls,
    setFaulty: async (on) => void (await ask({ cmd: "faulty", on })),
    requests: async (site, path) => (await ask({ cmd: "requests", site, path })).requests as SeenRequest[],
    close: async () => {
      if (child.exitCode === null) child.stdin.end();
      const guard = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(guard);
    },
  };
}

function html(response: ServerResponse, body: string | Buffer, status = 200) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}

/** The fault each site serves for its job page once faulty, and the routes it needs besides. */
function faults(): Record<FaultName, { serve(response: ServerResponse, page: string): void; extraRoutes?(server: FixtureServer, name: FaultName): void }> {
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, "a");
  let retryAfterCount = 0;
  return {
    "retry-after": {
      // Every first request of a run is refused: the retry after Retry-After gets the page.
      serve: (response, page) => {
        if (retryAfterCount++ % 2 === 0) response.writeHead(429, { "retry-after": "1", "content-type": "text/plain" }).end("slow down");
        else html(response, page);
      },
    },
    unavailable: { serve: (response) => void response.writeHead(503, { "content-type": "text/plain" }).end("down") },
    drip: {
      serve: (response, page) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(page)) });
        let sent = 0;
        const timer = setInterval(() => {
          if (response.destroyed || sent >= page.length) return clearInterval(timer);
          response.write(page[sent++]!);
        }, 1_000);
        response.on("close", () => clearInterval(timer));
      },
    },
    "redirect-loop": {
      serve: (response) => void response.writeHead(302, { location: "/loop-a" }).end(),
      extraRoutes: (server) => {
        server.route("/loop-a", (_request, response) => void response.writeHead(302, { location: "/loop-b" }).end());
        server.route("/loop-b", (_request, response) => void response.writeHead(301, { location: "/loop-a" }).end());
      },
    },
    "ten-megabytes": {
      // Chunked, no content-length: the cap has to count the bytes as they come.
      serve: (response) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(tenMegabytes);
      },
    },
    "gzip-bomb": {
      serve: (response) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": String(bomb.length) });
        response.end(bomb);
      },
    },
    "invalid-utf8": {
      serve: (response, page) => {
        const [before, after] = page.split("Train and serve");
        html(response, Buffer.concat([Buffer.from(before!), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(`Train and serve${after!}`)]));
      },
    },
    truncated: {
      serve: (response, page) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(page) + 5_000) });
        response.write(page.slice(0, 200), () => response.destroy());
      },
    },
    "format-change": {
      // The listing and its first job page are as before; the second job page is no longer valid JSON-LD.
      serve: (response) => html(response, `<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": </script></head></html>`),
      extraRoutes: (server, name) => {
        server.route("/jobs/", { body: listingPage(["/jobs/first", "/jobs/second"]), headers: { "content-type": "text/html" }, validators: false });
        server.route("/jobs/first", jobPage({ id: `${name}-first`, company: `Faulty ${name}` }));
      },
    },
  };
}

/** The child: every site on its own port, then commands from stdin until it closes. */
async function serve(): Promise<void> {
  const specs = faults();
  let faulty = false;
  const servers = new Map<FaultName, FixtureServer>();
  for (const name of FAULT_NAMES) {
    const server = await startFixtureServer();
    const page = jobPage({ id: name === "format-change" ? `${name}-second` : name, company: `Faulty ${name}` });
    const spec = specs[name];
    server.route(name === "format-change" ? "/jobs/second" : "/job", (_request: RecordedRequest, response) =>
      faulty ? spec.serve(response, page) : html(response, page),
    );
    spec.extraRoutes?.(server, name);
    servers.set(name, server);
  }
  const reply = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  reply({ ready: Object.fromEntries([...servers].map(([name, server]) => [name, server.url])) });
  const commands = createInterface({ input: process.stdin });
  commands.on("line", (line) => {
    const command = JSON.parse(line) as Command;
    if (command.cmd === "faulty") {
      faulty = command.on;
      reply({ id: command.id });
    } else {
      const server = servers.get(command.site)!;
      const seen = command.path === undefined ? server.requests : server.requestsTo(command.path);
      reply({ id: command.id, requests: seen.map(({ path, at }) => ({ path, at })) });
    }
  });
  await new Promise((resolve) => commands.once("close", resolve));
  await Promise.all([...servers.values()].map((server) => server.close()));
  process.exit(0);
}

if (process.argv[1] === PROGRAM && process.argv[2] === "serve") {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
