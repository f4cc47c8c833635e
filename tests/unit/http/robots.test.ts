import { describe, expect, it } from "vitest";
import { fakeClock, rejectionOf, testClient, testServer } from "./test-client";

describe("robots.txt", () => {
  it("refuses paths disallowed for mlradar, permanently, without requesting them", async () => {
    const server = await testServer({
      "/robots.txt": "User-agent: *\nDisallow: /\n\nUser-agent: mlradar\nDisallow: /private\n",
      "/private/jobs": "secret",
      "/jobs": "open",
    });
    const fetcher = testClient().fetcherFor();
    const error = await rejectionOf(fetcher.fetch(`${server.url}/private/jobs`));
    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(`robots.txt of ${server.url} disallows /private/jobs for mlradar/0.1; not fetched`);
    expect((await fetcher.fetch(`${server.url}/jobs`)).body).toBe("open");
    expect(server.requestsTo("/private/jobs")).toHaveLength(0);
    expect(server.requestsTo("/robots.txt")).toHaveLength(1);
  });

  it("falls back to the * group when there is none for mlradar", async () => {
    const server = await testServer({ "/robots.txt": "User-agent: *\nDisallow: /search\n", "/search": "results" });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/search?q=ml`));
    expect(error.message).toContain("disallows /search?q=ml");
  });

  it("allows everything when robots.txt answers 4xx", async () => {
    const server = await testServer({ "/robots.txt": { status: 403 }, "/jobs": "open" });
    expect((await testClient().fetcherFor().fetch(`${server.url}/jobs`)).body).toBe("open");
  });

  it.each([500, 503, 429])("blocks the whole host when robots.txt answers %i", async (status) => {
    const server = await testServer({ "/robots.txt": { status }, "/jobs": "open", "/other": "open" });
    const fetcher = testClient().fetcherFor();
    const error = await rejectionOf(fetcher.fetch(`${server.url}/jobs`));
    expect(error.kind).toBe("retryable");
    expect(error.message).toBe(
      `robots.txt of ${server.url} answered ${status}; nothing is fetched from ${server.host} until it answers (${server.url}/jobs not fetched)`,
    );
    // The failure is remembered: the next page neither asks robots.txt again nor is fetched.
    await expect(fetcher.fetch(`${server.url}/other`)).rejects.toThrow(/answered/);
    expect(server.requests.map((request) => request.path)).toEqual(["/robots.txt"]);
  });

  it("blocks the host when robots.txt cannot be fetched at all", async () => {
    const server = await testServer({
      "/robots.txt": (_request, response) => {
        response.socket?.destroy();
      },
    });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/jobs`));
    expect(error.kind).toBe("retryable");
    expect(error.message).toMatch(/^robots\.txt of .* could not be fetched \(GET .*\/robots\.txt: network error/);
    expect(server.requestsTo("/jobs")).toHaveLength(0);
  });

  it("skips robots.txt for hosts configured so", async () => {
    const server = await testServer({ "/robots.txt": { status: 503 }, "/api/jobs": "[]" });
    const client = testClient({ hosts: { [server.host]: { checkRobots: false } } });
    expect((await client.fetcherFor().fetch(`${server.url}/api/jobs`)).body).toBe("[]");
    expect(server.requestsTo("/robots.txt")).toHaveLength(0);
  });

  it("follows a redirected robots.txt", async () => {
    const server = await testServer({
      "/robots.txt": { status: 301, headers: { location: "/real-robots.txt" } },
      "/real-robots.txt": "User-agent: *\nDisallow: /private\n",
    });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/private`));
    expect(error.message).toContain("disallows /private");
  });

  it("caches robots.txt per origin for 24 hours, shared by every run", async () => {
    const clock = fakeClock(Date.parse("2025-11-26T00:00:00Z"));
    const server = await testServer({ "/robots.txt": "User-agent: *\nAllow: /\n", "/jobs": "open" });
    const client = testClient({ clock });
    await client.fetcherFor().fetch(`${server.url}/jobs`);
    await client.fetcherFor().fetch(`${server.url}/jobs`);
    expect(server.requestsTo("/robots.txt")).toHaveLength(1);
    await clock.sleep(24 * 60 * 60_000 + 1);
    await client.fetcherFor().fetch(`${server.url}/jobs`);
    expect(server.requestsTo("/robots.txt")).toHaveLength(2);
  });

  it("asks robots.txt once when many requests start together", async () => {
    const server = await testServer({ "/robots.txt": "User-agent: *\nAllow: /\n", "/a": "a", "/b": "b", "/c": "c" });
    const fetcher = testClient().fetcherFor();
    await Promise.all(["/a", "/b", "/c"].map((path) => fetcher.fetch(`${server.url}${path}`)));
    expect(server.requestsTo("/robots.txt")).toHaveLength(1);
  });

  it("honours a Crawl-delay larger than the configured spacing", async () => {
    const server = await testServer({ "/robots.txt": "User-agent: mlradar\nCrawl-delay: 0.3\n", "/a": "a", "/b": "b" });
    const fetcher = testClient({ minIntervalMs: 10 }).fetcherFor();
    await Promise.all([fetcher.fetch(`${server.url}/a`), fetcher.fetch(`${server.url}/b`)]);
    const [a, b] = [server.requestsTo("/a")[0]!, server.requestsTo("/b")[0]!];
    expect(Math.abs(b.at - a.at)).toBeGreaterThanOrEqual(295);
  });

  it("keeps the configured spacing when Crawl-delay is smaller", async () => {
    const clock = fakeClock(0);
    const server = await testServer({ "/robots.txt": "User-agent: *\nCrawl-delay: 1\n", "/a": "a", "/b": "b" });
    const fetcher = testClient({ clock, minIntervalMs: 5_000 }).fetcherFor();
    await fetcher.fetch(`${server.url}/a`);
    await fetcher.fetch(`${server.url}/b`);
    // robots.txt, then /a, then /b: each waits the 5 s spacing after the one before.
    expect(clock.slept).toEqual([5_000, 5_000]);
  });
});
