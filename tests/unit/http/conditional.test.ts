import { describe, expect, it } from "vitest";
import { validatorMapSchema } from "@/lib/http";
import { testClient, testServer } from "./test-client";

describe("conditional requests", () => {
  it("records the ETag of a 200, sends it next run and reports the 304 as not modified", async () => {
    const server = await testServer({ "/jobs": { body: '[{"id":1}]', headers: { etag: '"v1"' } } });
    const client = testClient();
    const url = `${server.url}/jobs`;

    const first = client.fetcherFor();
    const fresh = await first.fetch(url);
    expect(fresh).toMatchObject({ status: 200, body: '[{"id":1}]', notModified: false });
    expect(first.validators()).toEqual({ [url]: { etag: '"v1"' } });
    expect(server.requestsTo("/jobs")[0]?.headers["if-none-match"]).toBeUndefined();

    // What ingest stores in Source.httpValidators goes through JSON and back.
    const stored = validatorMapSchema.parse(JSON.parse(JSON.stringify(first.validators())));
    const second = client.fetcherFor({ validators: stored });
    const unchanged = await second.fetch(url);
    expect(unchanged).toMatchObject({ status: 304, body: "", notModified: true, url });
    expect(server.requestsTo("/jobs")[1]?.headers["if-none-match"]).toBe('"v1"');
    expect(second.stats()).toEqual({ requests: 1, notModified: 1 });
    expect(second.validators()).toEqual({ [url]: { etag: '"v1"' } });
  });

  it("sends If-Modified-Since from a stored Last-Modified", async () => {
    const lastModified = "Tue, 25 Nov 2025 10:00:00 GMT";
    const server = await testServer({ "/feed": { body: "<rss/>", headers: { "last-modified": lastModified } } });
    const fetcher = testClient().fetcherFor({ validators: { [`${server.url}/feed`]: { lastModified } } });
    const result = await fetcher.fetch(`${server.url}/feed`);
    const request = server.requestsTo("/feed")[0]!;
    expect(request.headers["if-modified-since"]).toBe(lastModified);
    expect(result.notModified).toBe(true);
  });

  it("replaces validators that changed and drops them when a 200 has none", async () => {
    const server = await testServer({
      "/a": { body: "a2", headers: { etag: '"a2"' } },
      "/b": { body: "b", validators: false },
    });
    const fetcher = testClient().fetcherFor({
      validators: { [`${server.url}/a`]: { etag: '"a1"' }, [`${server.url}/b`]: { etag: '"b1"' } },
    });
    expect((await fetcher.fetch(`${server.url}/a`)).body).toBe("a2");
    expect((await fetcher.fetch(`${server.url}/b`)).body).toBe("b");
    expect(fetcher.validators()).toEqual({ [`${server.url}/a`]: { etag: '"a2"' } });
    expect(fetcher.stats()).toEqual({ requests: 2, notModified: 0 });
  });

  it("does not send validators with POST or when asked not to", async () => {
    const server = await testServer({ "/search": "results" });
    const url = `${server.url}/search`;
    const fetcher = testClient().fetcherFor({ validators: { [url]: { etag: '"x"' } } });
    await fetcher.fetch(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await fetcher.fetch(url, { conditional: false });
    expect(server.requestsTo("/search").map((request) => request.headers["if-none-match"])).toEqual([undefined, undefined]);
    expect(server.requestsTo("/search")[0]?.body).toBe("{}");
  });

  it("makes re-scraping an unchanged source at least 90% 304s", async () => {
    const server = await testServer();
    const pages = Array.from({ length: 20 }, (_, page) => `/jobs?page=${page}`);
    for (const page of pages) server.route(page, `{"page":"${page}"}`);
    const client = testClient();

    const firstRun = client.fetcherFor();
    for (const page of pages) await firstRun.fetch(`${server.url}${page}`);
    expect(firstRun.stats()).toEqual({ requests: 20, notModified: 0 });

    server.route("/jobs?page=7", '{"page":"changed"}');
    const secondRun = client.fetcherFor({ validators: firstRun.validators() });
    const bodies = [];
    for (const page of pages) bodies.push((await secondRun.fetch(`${server.url}${page}`)).body);
    const { requests, notModified } = secondRun.stats();
    expect(notModified / requests).toBeGreaterThanOrEqual(0.9);
    expect(notModified).toBe(19);
    expect(bodies[7]).toBe('{"page":"changed"}');
  });

  it("sends our User-Agent, naming the contact URL", async () => {
    const server = await testServer({ "/jobs": "ok" });
    await testClient().fetcherFor().fetch(`${server.url}/jobs`, { headers: { "User-Agent": "spoofed" } });
    for (const request of server.requests) {
      expect(request.headers["user-agent"]).toBe("mlradar/0.1 (+https://mlradar.example/contact)");
      expect(request.headers["accept-encoding"]).toBe("gzip, deflate, br");
    }
    expect(server.requests.map((request) => request.path)).toEqual(["/robots.txt", "/jobs"]);
  });
});
