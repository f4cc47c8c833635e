import { describe, expect, it } from "vitest";
import { addressRange, assertPublicUrl, isPublicAddress, type ResolveHost } from "@/lib/http";
import { ScrapeError } from "@/scrapers/types";
import { rejectionOf, testClient, testServer } from "./test-client";

const resolvesTo =
  (table: Record<string, string[]>): ResolveHost =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("address ranges", () => {
  it("accepts public IPv4 and IPv6 addresses", () => {
    for (const address of ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:169.254.169.254", "IPv4-mapped linkLocal"],
    ["64:ff9b::a00:1", "NAT64 private"],
    ["2001:db8::1", "reserved"],
    ["::7f00:1", "reserved"],
  ])("refuses %s (%s)", (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe("assertPublicUrl", () => {
  it.each([
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::1]/",
    "http://[::]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[fc00::1]/",
    "http://10.0.0.1/",
    "http://0.0.0.0/",
    "http://192.168.0.1./",
  ])("refuses %s as fatal, naming the address", async (url) => {
    const error = await rejectionOf(assertPublicUrl(url, { resolveHost: resolvesTo({}) }));
    expect(error).toBeInstanceOf(ScrapeError);
    expect(error.kind).toBe("fatal");
    expect(error.message).toMatch(/^Refusing .*range, not a public address/);
  });

  it("refuses a name that resolves to a private address, or to any private one among several", async () => {
    const resolveHost = resolvesTo({
      "internal.example": ["10.0.0.5"],
      "mixed.example": ["93.184.216.34", "127.0.0.1"],
      "v6.example": ["fd00::5"],
    });
    for (const url of ["https://internal.example/", "https://mixed.example/jobs", "https://v6.example/"]) {
      const error = await rejectionOf(assertPublicUrl(url, { resolveHost }));
      expect(error.kind, url).toBe("fatal");
      expect(error.message).toMatch(/resolves to .*, which is in the (private|loopback|uniqueLocal) range/);
    }
  });

  it("accepts public names and literals on ports 80 and 443", async () => {
    const resolveHost = resolvesTo({ "boards.example": ["93.184.216.34", "2606:2800:220:1::1"] });
    await expect(assertPublicUrl("https://boards.example/acme", { resolveHost })).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl("http://boards.example:80/acme", { resolveHost })).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl("http://93.184.216.34/", { resolveHost })).resolves.toBeInstanceOf(URL);
  });

  it("refuses other ports and schemes unless allowed", async () => {
    const resolveHost = resolvesTo({ "boards.example": ["93.184.216.34"] });
    await expect(assertPublicUrl("https://boards.example:8443/", { resolveHost })).rejects.toThrow(/port 8443 is not allowed/);
    await expect(assertPublicUrl("ftp://boards.example/", { resolveHost })).rejects.toThrow(/only http and https/);
    await expect(assertPublicUrl("file:///etc/passwd", { resolveHost })).rejects.toThrow(/only http and https/);
    await expect(assertPublicUrl("not a url")).rejects.toThrow(/not a valid URL/);
    await expect(
      assertPublicUrl("https://boards.example:8443/", { resolveHost, allowPorts: [443, 8443] }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("lets allowlisted hosts through on any port", async () => {
    await expect(
      assertPublicUrl("http://127.0.0.1:5173/x", { allowPrivateHosts: ["127.0.0.1"] }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertPublicUrl("http://demo.internal:8080/", {
        allowPrivateHosts: ["demo.internal"],
        resolveHost: resolvesTo({ "demo.internal": ["10.1.2.3"] }),
      }),
    ).resolves.toBeInstanceOf(URL);
  });
});

describe("the client's guard", () => {
  it("refuses 127.0.0.1 when it is not allowlisted, without sending anything", async () => {
    const server = await testServer({ "/": "hello" });
    const client = testClient({ allowPrivateHosts: [] });
    const error = await rejectionOf(client.fetcherFor().fetch(`${server.url}/`));
    expect(error.kind).toBe("fatal");
    expect(error.message).toMatch(/port \d+ is not allowed/);
    const withPort = testClient({ allowPrivateHosts: [], allowPorts: [Number(new URL(server.url).port)] });
    const spelled = await rejectionOf(withPort.fetcherFor().fetch(`http://2130706433:${new URL(server.url).port}/`));
    expect(spelled.message).toMatch(/127\.0\.0\.1 is in the loopback range/);
    expect(server.requests).toHaveLength(0);
  });

  it("checks the resolved address and connects to exactly that address", async () => {
    const server = await testServer({ "/": "reached the pinned address" });
    const port = Number(new URL(server.url).port);
    // "pinned.test" exists in no DNS: only the client's own lookup can send it to 127.0.0.1.
    const resolveHost = resolvesTo({ "pinned.test": ["127.0.0.1"] });

    const guarded = testClient({ allowPrivateHosts: [], allowPorts: [port], resolveHost });
    const error = await rejectionOf(guarded.fetcherFor().fetch(`http://pinned.test:${port}/`));
    expect(error.kind).toBe("fatal");
    expect(error.message).toMatch(/pinned\.test resolves to 127\.0\.0\.1, which is in the loopback range/);
    expect(server.requests).toHaveLength(0);

    const allowed = testClient({ allowPrivateHosts: ["pinned.test"], resolveHost });
    const result = await allowed.fetcherFor().fetch(`http://pinned.test:${port}/`);
    expect(result.body).toBe("reached the pinned address");
    expect(server.requests[0]?.headers.host).toBe(`pinned.test:${port}`);
  });

  it("refuses a redirect to a private address, on every hop", async () => {
    const server = await testServer();
    const port = Number(new URL(server.url).port);
    const redirect = (location: string) => ({ status: 302, headers: { location } });
    server.route("/metadata", redirect("http://169.254.169.254/latest/meta-data/"));
    server.route("/hop", redirect("/to-internal"));
    server.route("/to-internal", redirect("http://10.0.0.1/admin"));
    server.route("/to-name", redirect(`http://pinned.test:${port}/`));
    const client = testClient({ allowPorts: [80, 443, port], resolveHost: resolvesTo({ "pinned.test": ["127.0.0.1"] }) });
    const fetcher = client.fetcherFor();

    for (const [path, refused] of [
      ["/metadata", /169\.254\.169\.254 is in the linkLocal range/],
      ["/hop", /10\.0\.0\.1 is in the private range/],
      ["/to-name", /pinned\.test resolves to 127\.0\.0\.1/],
    ] as const) {
      const error = await rejectionOf(fetcher.fetch(`${server.url}${path}`));
      expect(error.kind, path).toBe("fatal");
      expect(error.message, path).toMatch(refused);
    }
    expect(server.requests.map((request) => request.path)).not.toContain("/");
  });
});
