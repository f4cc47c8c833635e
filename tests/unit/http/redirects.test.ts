import { describe, expect, it } from "vitest";
import { HttpStatusError } from "@/lib/http";
import { rejectionOf, testClient, testServer } from "./test-client";

const to = (location: string, status = 302) => ({ status, headers: { location } });

describe("redirects", () => {
  it("follows up to 5 redirects and reports the final URL", async () => {
    const server = await testServer({
      "/r1": to("/r2", 301),
      "/r2": to("/r3", 302),
      "/r3": to("/r4", 303),
      "/r4": to("/r5", 307),
      "/r5": to("/final", 308),
      "/final": "arrived",
    });
    const fetcher = testClient().fetcherFor();
    const result = await fetcher.fetch(`${server.url}/r1`);
    expect(result).toMatchObject({ url: `${server.url}/final`, status: 200, body: "arrived" });
    expect(fetcher.stats().requests).toBe(6);
  });

  it("fails a redirect loop after the 5th redirect, permanently", async () => {
    const server = await testServer({ "/a": to("/b"), "/b": to("/a") });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/a`));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(
      `GET ${server.url}/a: more than 5 redirects (the last, 302 from ${server.url}/b to /a)`,
    );
    expect(server.requests.filter((request) => request.path !== "/robots.txt")).toHaveLength(6);
  });

  it("turns a POST into a GET after 303 and keeps it after 307", async () => {
    const server = await testServer({ "/see-other": to("/result", 303), "/temporary": to("/result", 307), "/result": "ok" });
    const fetcher = testClient().fetcherFor();
    const init = { method: "POST" as const, body: '{"q":"ml"}', headers: { "content-type": "application/json" } };
    await fetcher.fetch(`${server.url}/see-other`, init);
    await fetcher.fetch(`${server.url}/temporary`, init);
    const [afterSeeOther, afterTemporary] = server.requestsTo("/result");
    expect(afterSeeOther).toMatchObject({ method: "GET", body: "" });
    expect(afterSeeOther?.headers["content-type"]).toBeUndefined();
    expect(afterTemporary).toMatchObject({ method: "POST", body: '{"q":"ml"}' });
  });

  it("does not carry credentials to another origin, and checks robots.txt of each origin", async () => {
    const other = await testServer({ "/robots.txt": "User-agent: *\nDisallow: /blocked\n", "/landing": "ok" });
    const server = await testServer({ "/away": to(`${other.url}/landing`), "/blocked": to(`${other.url}/blocked`) });
    const fetcher = testClient().fetcherFor();
    await fetcher.fetch(`${server.url}/away`, { headers: { authorization: "Bearer secret", cookie: "s=1" } });
    expect(server.requestsTo("/away")[0]?.headers.authorization).toBe("Bearer secret");
    expect(other.requestsTo("/landing")[0]?.headers.authorization).toBeUndefined();
    expect(other.requestsTo("/landing")[0]?.headers.cookie).toBeUndefined();
    await expect(fetcher.fetch(`${server.url}/blocked`)).rejects.toThrow(`robots.txt of ${other.url} disallows /blocked`);
  });

  it("fails a 3xx without Location as permanent", async () => {
    const server = await testServer({ "/moved": { status: 302 } });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/moved`));
    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(`GET ${server.url}/moved: answered 302 Found; not retried`);
  });
});
