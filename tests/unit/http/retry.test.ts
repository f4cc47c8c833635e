import { describe, expect, it } from "vitest";
import { HttpStatusError } from "@/lib/http";
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from "@/lib/http/retry";
import type { FixtureHandler } from "@/tests/helpers/fixture-server";
import { fakeClock, rejectionOf, testClient, testServer } from "./test-client";

/** Answers with the listed statuses in turn (with their headers), then 200 "ok". */
function sequence(...answers: Array<[number, Record<string, string>?]>): FixtureHandler {
  let call = 0;
  return (_request, response) => {
    const [status, headers] = answers[call++] ?? [200, {}];
    response.writeHead(status, headers).end(status === 200 ? "ok" : "busy");
  };
}

describe("backoff and Retry-After", () => {
  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffDelayMs(0, 1_000, 60_000, () => 0.999)).toBe(999);
    expect(backoffDelayMs(3, 1_000, 60_000, () => 0.999)).toBe(7_992);
    expect(backoffDelayMs(10, 1_000, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(2, 1_000, 60_000, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2025-11-26T12:00:00Z");
    expect(parseRetryAfterMs("120", now)).toBe(120_000);
    expect(parseRetryAfterMs("Wed, 26 Nov 2025 12:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfterMs("Wed, 26 Nov 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it("retries 408, 429 and 5xx only", () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("retries through the client", () => {
  it("waits out a 429's Retry-After in seconds", async () => {
    const server = await testServer({ "/jobs": sequence([429, { "retry-after": "1" }]) });
    const result = await testClient().fetcherFor().fetch(`${server.url}/jobs`);
    expect(result.body).toBe("ok");
    const [first, second] = server.requestsTo("/jobs");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_000);
  });

  it("waits out a 429's Retry-After given as an HTTP date", async () => {
    const start = Date.parse("2025-11-26T12:00:00Z");
    const clock = fakeClock(start);
    const until = new Date(start + 120_000).toUTCString();
    const server = await testServer({ "/jobs": sequence([429, { "retry-after": until }]) });
    const result = await testClient({ clock }).fetcherFor().fetch(`${server.url}/jobs`);
    expect(result.body).toBe("ok");
    expect(server.requestsTo("/jobs")).toHaveLength(2);
    expect(clock.slept).toEqual([120_000]);
  });

  it("gives up at once, retryable, when Retry-After is over an hour", async () => {
    const server = await testServer({ "/jobs": sequence([503, { "retry-after": "7200" }]) });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/jobs`));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.kind).toBe("retryable");
    expect(error.message).toContain(`GET ${server.url}/jobs: answered 503 Service Unavailable with Retry-After 7200 s`);
    expect(server.requestsTo("/jobs")).toHaveLength(1);
  });

  it("retries 5xx and 408 until one succeeds", async () => {
    const server = await testServer({ "/jobs": sequence([503], [500], [408]) });
    const fetcher = testClient().fetcherFor();
    const result = await fetcher.fetch(`${server.url}/jobs`);
    expect(result).toMatchObject({ status: 200, body: "ok", notModified: false });
    expect(server.requestsTo("/jobs")).toHaveLength(4);
    expect(fetcher.stats().requests).toBe(4);
  });

  it("backs off between attempts as configured", async () => {
    const server = await testServer({ "/jobs": sequence([502], [502]) });
    const clock = fakeClock(0);
    await testClient({ clock, backoffBaseMs: 1_000, backoffCapMs: 60_000, random: () => 0.5 }).fetcherFor().fetch(`${server.url}/jobs`);
    expect(clock.slept).toEqual([500, 1_000]);
  });

  it("stops after 3 retries with a retryable error naming host, status and attempts", async () => {
    const server = await testServer({ "/jobs": { status: 502 } });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/jobs`));
    expect(error.kind).toBe("retryable");
    expect((error as HttpStatusError).status).toBe(502);
    expect(error.message).toBe(`GET ${server.url}/jobs: answered 502 Bad Gateway; gave up after 4 attempts`);
    expect(server.requestsTo("/jobs")).toHaveLength(4);
  });

  it.each([400, 403, 404, 410])("does not retry %i: the error is permanent", async (status) => {
    const server = await testServer({ "/jobs": { status } });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/jobs`));
    expect(error.kind).toBe("permanent");
    expect((error as HttpStatusError).status).toBe(status);
    expect(error.message).toMatch(new RegExp(`^GET ${server.url}/jobs: answered ${status} .+; not retried$`));
    expect(server.requestsTo("/jobs")).toHaveLength(1);
  });

  it("retries a dropped connection", async () => {
    let calls = 0;
    const server = await testServer({
      "/jobs": (_request, response) => {
        if (calls++ === 0) response.socket?.destroy();
        else response.end("ok");
      },
    });
    const result = await testClient().fetcherFor().fetch(`${server.url}/jobs`);
    expect(result.body).toBe("ok");
    expect(calls).toBe(2);
  });

  it("reports an unreachable host as a retryable network error after retrying", async () => {
    const server = await testServer();
    const url = `${server.url}/jobs`;
    await server.close();
    const client = testClient({ hosts: { [server.host]: { checkRobots: false } } });
    const fetcher = client.fetcherFor();
    const error = await rejectionOf(fetcher.fetch(url));
    expect(error.kind).toBe("retryable");
    expect(error.message).toMatch(/^GET .*\/jobs: network error ECONNREFUSED .*gave up after 4 attempts$/);
    expect(fetcher.stats().requests).toBe(4);
  });
});
