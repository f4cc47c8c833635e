import { describe, expect, it } from "vitest";
import { HostScheduler } from "@/lib/http/host-scheduler";
import { systemClock } from "@/lib/http";
import type { FixtureHandler } from "@/tests/helpers/fixture-server";
import { fakeClock, rejectionOf, testClient, testServer } from "./test-client";

/** Sends headers, then one byte every `everyMs` until the client goes away. */
const dripFeed =
  (everyMs: number): FixtureHandler =>
  (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    const timer = setInterval(() => response.write("x"), everyMs);
    response.on("close", () => clearInterval(timer));
  };

const hang: FixtureHandler = () => undefined;

describe("per-host scheduling", () => {
  it("spaces requests to one host and never has two in flight", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const slow: FixtureHandler = (_request, response) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        response.end("ok");
      }, 50);
    };
    const server = await testServer({ "/a": slow, "/b": slow, "/c": slow });
    const client = testClient({ hosts: { [server.host]: { minIntervalMs: 150, checkRobots: false } } });
    const fetcher = client.fetcherFor();
    await Promise.all(["/a", "/b", "/c"].map((path) => fetcher.fetch(`${server.url}${path}`)));
    const arrivals = server.requests.map((request) => request.at);
    expect(mostInFlight).toBe(1);
    // Each starts 150 ms after the previous one ended, which took 50 ms.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(195);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(195);
  });

  it("serves different hosts in parallel", async () => {
    const first = await testServer({ "/a": "a", "/b": "b" });
    const second = await testServer({ "/a": "a", "/b": "b" });
    const policy = { minIntervalMs: 300, checkRobots: false };
    const client = testClient({ hosts: { [first.host]: policy, [second.host]: policy } });
    const fetcher = client.fetcherFor();
    const started = performance.now();
    await Promise.all(
      [first, second].flatMap((server) => ["/a", "/b"].map((path) => fetcher.fetch(`${server.url}${path}`))),
    );
    const elapsed = performance.now() - started;
    for (const server of [first, second]) {
      const [a, b] = server.requests;
      expect(b!.at - a!.at).toBeGreaterThanOrEqual(295);
    }
    // Serialized, the two hosts would take at least 3 × 300 ms.
    expect(elapsed).toBeLessThan(850);
    expect(Math.abs(first.requests[0]!.at - second.requests[0]!.at)).toBeLessThan(100);
  });

  it("applies the default 1 s spacing to hosts without a policy", async () => {
    const clock = fakeClock(0);
    const server = await testServer({ "/a": "a", "/b": "b" });
    const fetcher = testClient({ clock, minIntervalMs: undefined }).fetcherFor();
    await Promise.all([fetcher.fetch(`${server.url}/a`), fetcher.fetch(`${server.url}/b`)]);
    expect(server.requests.map((request) => request.path)).toEqual(["/robots.txt", "/a", "/b"]);
    expect(clock.slept).toEqual([1_000, 1_000]);
  });

  it("holds later requests to a host while it asked us to wait", async () => {
    const scheduler = new HostScheduler(systemClock);
    const order: string[] = [];
    await scheduler.run("h", 0, async () => order.push("first"));
    scheduler.deferUntil("h", Date.now() + 100);
    const started = performance.now();
    await Promise.all([
      scheduler.run("h", 0, async () => order.push("second")),
      scheduler.run("other", 0, async () => order.push("other host")),
    ]);
    expect(order).toEqual(["first", "other host", "second"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});

describe("timeouts", () => {
  it("cuts off a host that never answers, as retryable", async () => {
    const server = await testServer({ "/jobs": hang });
    const client = testClient({ totalTimeoutMs: 200, maxRetries: 1 });
    const started = performance.now();
    const error = await rejectionOf(client.fetcherFor().fetch(`${server.url}/jobs`));
    expect(error.kind).toBe("retryable");
    expect(error.message).toBe(
      `GET ${server.url}/jobs: no complete response within 200 ms; gave up after 2 attempts`,
    );
    expect(server.requestsTo("/jobs")).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("cuts off a drip-feeding host without slowing another host", async () => {
    const dripping = await testServer({ "/jobs": dripFeed(50) });
    const healthy = await testServer({ "/jobs": "fast" });
    const client = testClient({ totalTimeoutMs: 600, maxRetries: 0 });
    const fetcher = client.fetcherFor();

    const started = performance.now();
    const slow = rejectionOf(fetcher.fetch(`${dripping.url}/jobs`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A second request to the dripping host queues behind the first; the healthy host does not.
    const queued = rejectionOf(fetcher.fetch(`${dripping.url}/jobs`));
    const fast = await fetcher.fetch(`${healthy.url}/jobs`);
    const fastDoneAfter = performance.now() - started;

    expect(fast.body).toBe("fast");
    expect(fastDoneAfter).toBeLessThan(500);
    expect((await slow).message).toMatch(/no complete response within 600 ms/);
    expect((await queued).kind).toBe("retryable");
    expect(dripping.requestsTo("/jobs")[1]!.at - started).toBeGreaterThanOrEqual(595);
  });
});
