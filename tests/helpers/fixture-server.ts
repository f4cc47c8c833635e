import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/**
 * A local HTTP server for tests: listens on 127.0.0.1 on a random port, serves saved payloads and
 * custom handlers, and records every request it receives.
 *
 *   const server = await startFixtureServer({ "/v1/boards/acme/jobs": { body: payload } });
 *   // scrape `${server.url}/v1/boards/acme/jobs` through an http client that allows 127.0.0.1
 *   expect(server.requestsTo("/v1/boards/acme/jobs")).toHaveLength(1);
 *   await server.close();
 *
 * Static routes answer conditional requests like a real board: a strong ETag from the body, 304 on a
 * matching If-None-Match, and on If-Modified-Since when the route sets a last-modified header.
 * Unknown paths answer 404, so /robots.txt is "allow all" unless a route serves one.
 */

export interface FixtureResponse {
  /** 200 by default. */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** false: no ETag and no 304s (a board without validators). */
  validators?: boolean;
}

/** Full control (slow, broken, stateful answers). Throwing answers 500. */
export type FixtureHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A string is served as a 200 body. */
export type FixtureRoute = string | FixtureResponse | FixtureHandler;

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request's headers arrived. */
  at: number;
}

export interface FixtureServer {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  readonly url: string;
  /** "127.0.0.1:<port>", as URL.host spells it. */
  readonly host: string;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Adds or replaces a route; a path with a query matches only that query, one without matches any. */
  route(path: string, route: FixtureRoute): void;
  /** Requests whose path (query ignored) is `pathname`. */
  requestsTo(pathname: string): RecordedRequest[];
  /** Stops listening and cuts open connections (hanging handlers included); safe to call twice. */
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  const server = createServer((incoming, response) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const recorded: RecordedRequest = {
        method: incoming.method ?? "GET",
        path: incoming.url ?? "/",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at,
      };
      requests.push(recorded);
      const pathname = recorded.path.split("?")[0] ?? "/";
      const route = table.get(recorded.path) ?? table.get(pathname);
      Promise.resolve(answer(route, recorded, incoming, response)).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    route: (path, route) => void table.set(path, route),
    requestsTo: (pathname) => requests.filter((request) => (request.path.split("?")[0] ?? "") === pathname),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function answer(
  route: FixtureRoute | undefined,
  request: RecordedRequest,
  incoming: IncomingMessage,
  response: ServerResponse,
): void | Promise<void> {
  if (route === undefined) {
    response.writeHead(404, { "content-type": "text/plain" }).end(`no fixture route for ${incoming.url}`);
    return;
  }
  if (typeof route === "function") return route(request, response);
  const fixture: FixtureResponse = typeof route === "string" ? { body: route } : route;
  const body = fixture.body ?? "";
  const status = fixture.status ?? 200;
  const headers = Object.fromEntries(
    Object.entries(fixture.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  if (fixture.validators !== false && status === 200) {
    headers["etag"] ??= `"${createHash("sha256").update(body).digest("hex").slice(0, 20)}"`;
    if (isNotModified(request.headers, headers)) {
      response.writeHead(304, pick(headers, ["etag", "last-modified"])).end();
      return;
    }
  }
  headers["content-length"] ??= String(Buffer.byteLength(body));
  response.writeHead(status, headers).end(body);
}

function isNotModified(request: IncomingHttpHeaders, headers: Record<string, string>): boolean {
  const ifNoneMatch = request["if-none-match"];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes((headers["etag"] ?? "").replace(/^W\//, ""));
  }
  const since = Date.parse(request["if-modified-since"] ?? "");
  const lastModified = Date.parse(headers["last-modified"] ?? "");
  return !Number.isNaN(since) && !Number.isNaN(lastModified) && lastModified <= since;
}

function pick(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => names.includes(name.toLowerCase())));
}
