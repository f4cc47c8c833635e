import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { rejectionOf, testClient, testServer } from "./test-client";

const MiB = 1024 * 1024;

describe("response bodies", () => {
  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("decompresses %s", async (encoding, compress) => {
    const text = JSON.stringify({ jobs: Array.from({ length: 200 }, (_, id) => ({ id, title: "Staff ML Engineer" })) });
    const server = await testServer({ "/jobs": { body: compress(Buffer.from(text)), headers: { "content-encoding": encoding } } });
    expect((await testClient().fetcherFor().fetch(`${server.url}/jobs`)).body).toBe(text);
  });

  it("refuses a body over 5 MiB, permanently, even without a content-length", async () => {
    const chunk = Buffer.alloc(MiB, "a");
    const server = await testServer({
      "/huge": (_request, response) => {
        response.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 6; i++) response.write(chunk);
        response.end();
      },
    });
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/huge`));
    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(`GET ${server.url}/huge: body is larger than ${5 * MiB} bytes on the wire`);
    expect(server.requestsTo("/huge")).toHaveLength(1);
  });

  it("refuses a declared content-length over the cap before reading", async () => {
    const server = await testServer({ "/big": { body: Buffer.alloc(2_000, "b") } });
    const error = await rejectionOf(testClient({ maxBodyBytes: 1_000 }).fetcherFor().fetch(`${server.url}/big`));
    expect(error.message).toMatch(/body is larger than 1000 bytes \(content-length 2000\)/);
  });

  it("stops a gzip bomb by its decompressed size", async () => {
    // 1 GiB of zeros as 1024 concatenated gzip members: about 1 MiB on the wire, cheap to build.
    const member = gzipSync(Buffer.alloc(MiB));
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    expect(bomb.length).toBeLessThan(2 * MiB);
    const server = await testServer({ "/bomb": { body: bomb, headers: { "content-encoding": "gzip" } } });
    const started = performance.now();
    const error = await rejectionOf(testClient().fetcherFor().fetch(`${server.url}/bomb`));
    expect(error.kind).toBe("permanent");
    expect(error.message).toContain(`body is larger than ${5 * MiB} bytes once decompressed`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("decodes invalid UTF-8 with replacement characters", async () => {
    const bytes = Buffer.from([0x4d, 0x4c, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0xa9, 0xe2, 0x82]);
    const server = await testServer({ "/jobs": { body: bytes, headers: { "content-type": "text/html; charset=utf-8" } } });
    expect((await testClient().fetcherFor().fetch(`${server.url}/jobs`)).body).toBe("ML \uFFFD\uFFFD é\uFFFD");
  });

  it("honours a declared charset and falls back to UTF-8 for unknown ones", async () => {
    const server = await testServer({
      "/latin1": { body: Buffer.from([0x63, 0x61, 0x66, 0xe9]), headers: { "content-type": "text/html; charset=ISO-8859-1" } },
      "/bogus": { body: Buffer.from("café"), headers: { "content-type": "text/html; charset=x-nonsense" } },
    });
    const fetcher = testClient().fetcherFor();
    expect((await fetcher.fetch(`${server.url}/latin1`)).body).toBe("café");
    expect((await fetcher.fetch(`${server.url}/bogus`)).body).toBe("café");
  });

  it("reports a corrupt gzip body as retryable and an unknown encoding as permanent", async () => {
    const server = await testServer({
      "/corrupt": { body: gzipSync(Buffer.from("hello")).subarray(0, 12), headers: { "content-encoding": "gzip" } },
      "/zstd": { body: "??", headers: { "content-encoding": "zstd" } },
    });
    const client = testClient({ maxRetries: 0 });
    const corrupt = await rejectionOf(client.fetcherFor().fetch(`${server.url}/corrupt`));
    expect(corrupt.kind).toBe("retryable");
    expect(corrupt.message).toMatch(/could not decompress gzip body/);
    const zstd = await rejectionOf(client.fetcherFor().fetch(`${server.url}/zstd`));
    expect(zstd.kind).toBe("permanent");
    expect(zstd.message).toMatch(/unsupported content-encoding "zstd"/);
  });
});
