import { afterEach } from "vitest";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "@/lib/http";
import type { Clock } from "@/lib/http";
import { startFixtureServer, type FixtureRoute, type FixtureServer } from "@/tests/helpers/fixture-server";

export const CONTACT_URL = "https://mlradar.example/contact";

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((resource) => resource.close()));
});

/** A client that may reach 127.0.0.1, with waits small enough for a fast suite; closed after each test. */
export function testClient(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  const client = createHttpClient({
    contactUrl: CONTACT_URL,
    allowPrivateHosts: ["127.0.0.1"],
    minIntervalMs: 0,
    backoffBaseMs: 1,
    backoffCapMs: 5,
    totalTimeoutMs: 5_000,
    ...overrides,
  });
  open.push(client);
  return client;
}

/** A fixture server closed after each test. */
export async function testServer(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const server = await startFixtureServer(routes);
  open.push(server);
  return server;
}

/** A clock whose sleeps return at once and move time forward by exactly what was asked. */
export function fakeClock(startMs: number): Clock & { slept: number[] } {
  let now = startMs;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** The ScrapeError a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { kind?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string };
  }
  throw new Error("expected the request to fail, but it succeeded");
}
