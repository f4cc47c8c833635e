import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach } from "vitest";
import { createHttpClient, type ValidatorMap } from "@/lib/http";
import type { FetchInit, FetchResult, Fetcher, ScrapeContext } from "@/scrapers/types";
import { startFixtureServer, type FixtureRoute, type FixtureServer } from "@/tests/helpers/fixture-server";

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((resource) => resource.close()));
});

/** The project's own board payloads (tests/fixtures/boards/<kind>/<name>). */
export function boardFixture(kind: string, name: string): string {
  return readFileSync(path.resolve(process.cwd(), "tests/fixtures/boards", kind, name), "utf8");
}

/**
 * A local server standing in for real board hosts: routes are keyed by the board's own URL
 * ("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true") and served on 127.0.0.1
 * under "/<host><path>". Closed after each test.
 */
export interface BoardServer {
  server: FixtureServer;
  route(url: string, route: FixtureRoute): void;
  /** Requests the server received for exactly this board URL (path and query), oldest first. */
  requestsTo(url: string): FixtureServer["requests"];
  /** A scrape context whose fetcher goes through lib/http's real client to this server. */
  context(token: string, options?: { maxPages?: number; validators?: ValidatorMap; companyName?: string }): ScrapeContext & {
    validators(): ValidatorMap;
    progress: Array<{ pages: number; postings: number }>;
  };
}

function localPath(url: string): string {
  const parsed = new URL(url);
  return `/${parsed.host}${parsed.pathname}${parsed.search}`;
}

export async function startBoardServer(routes: Record<string, FixtureRoute> = {}): Promise<BoardServer> {
  const server = await startFixtureServer(Object.fromEntries(Object.entries(routes).map(([url, route]) => [localPath(url), route])));
  open.push(server);
  const client = createHttpClient({
    contactUrl: "https://mlradar.example/contact",
    allowPrivateHosts: ["127.0.0.1"],
    minIntervalMs: 0,
    backoffBaseMs: 1,
    backoffCapMs: 5,
    maxRetries: 1,
    totalTimeoutMs: 5_000,
  });
  open.push(client);
  // Board URLs are rewritten onto the local server; everything else (real HTTP, validators, 304s) is lib/http's.
  const toLocal = (url: string) => (url.startsWith(server.url) ? url : `${server.url}${localPath(url)}`);

  return {
    server,
    route: (url, route) => server.route(localPath(url), route),
    requestsTo: (url) => server.requests.filter((request) => request.path === localPath(url)),
    context(token, options = {}) {
      const inner = client.fetcherFor({ validators: options.validators });
      const fetcher: Fetcher = {
        fetch: (url: string, init?: FetchInit): Promise<FetchResult> => inner.fetch(toLocal(url), init),
      };
      const progress: Array<{ pages: number; postings: number }> = [];
      return {
        token,
        companyName: options.companyName,
        fetcher,
        maxPages: options.maxPages ?? 10,
        onProgress: (step) => progress.push(step),
        validators: () => inner.validators(),
        progress,
      };
    },
  };
}
