/**
 * The private-address guard against every spelling issue 8 lists, range by range: each range's
 * edges, decimal, octal, hex and mixed IPv4 spellings, IPv6-mapped and other IPv6 forms, names that
 * resolve into the ranges (the machine's own resolver for "localhost" included), redirects into
 * them, and ports other than 80/443. The neighbours just outside each range must stay reachable, so
 * a guard that refused everything would fail here too.
 */
import { describe, expect, it } from "vitest";
import { assertPublicUrl, type ResolveHost } from "@/lib/http";
import { rejectionOf, testClient, testServer } from "../http/test-client";

const noDns: ResolveHost = async () => [];
const resolvesTo =
  (table: Record<string, string[]>): ResolveHost =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(url: string, resolveHost: ResolveHost = noDns): Promise<string> {
  const error = await rejectionOf(assertPublicUrl(url, { resolveHost }));
  expect(error.kind, url).toBe("fatal");
  return error.message;
}

/** [range, spellings of addresses inside it]. */
const INSIDE: [string, string[]][] = [
  ["127.0.0.0/8", ["127.0.0.1", "127.0.0.0", "127.255.255.254", "127.1", "0177.0.0.1", "0x7f.0.0.1", "0x7F000001", "2130706433", "017700000001", "127.000.000.001", "%31%32%37.0.0.1"]],
  ["::1", ["[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]"]],
  ["0.0.0.0", ["0.0.0.0", "0", "0x0", "00.0.0.0", "[::]"]],
  ["10.0.0.0/8", ["10.0.0.1", "10.255.255.255", "012.0.0.1", "0xa.0.0.1", "167772161", "10.1"]],
  ["172.16.0.0/12", ["172.16.0.1", "172.31.255.255", "0254.020.0.1", "0xac.0x10.0.1", "2886729729", "172.20.1"]],
  ["192.168.0.0/16", ["192.168.0.1", "192.168.255.255", "0300.0250.0.1", "0xc0a80001", "3232235521", "192.168.1"]],
  ["169.254.0.0/16", ["169.254.169.254", "169.254.0.1", "0251.0376.0251.0376", "0xa9fea9fe", "2852039166"]],
  ["100.64.0.0/10", ["100.64.0.1", "100.127.255.255", "0144.0100.0.1", "1681915905"]],
  ["fc00::/7", ["[fc00::1]", "[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", "[FD12:3456::1]"]],
  [
    "IPv6-mapped and embedded IPv4",
    [
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "[0:0:0:0:0:ffff:127.0.0.1]",
      "[::ffff:10.0.0.1]",
      "[::ffff:172.16.0.1]",
      "[::ffff:192.168.0.1]",
      "[::ffff:a9fe:a9fe]",
      "[::ffff:100.64.0.1]",
      "[::ffff:0.0.0.0]",
      "[::127.0.0.1]",
      "[64:ff9b::7f00:1]",
      "[64:ff9b::a9fe:a9fe]",
    ],
  ],
];

/** Just outside each range: public, so allowed. */
const OUTSIDE = ["126.255.255.255", "128.0.0.1", "9.255.255.255", "11.0.0.1", "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1", "169.253.255.255", "169.255.0.1", "100.63.255.255", "100.128.0.1", "[2606:4700::1]", "[::ffff:8.8.8.8]"];

describe("the private-address guard refuses every spelling of every private range", () => {
  it.each(INSIDE)("%s", async (_range, hosts) => {
    for (const host of hosts) {
      for (const url of [`http://${host}/`, `https://${host}/jobs`, `http://${host}:80/`]) {
        expect(await refusal(url), url).toMatch(/range, not a public address/);
      }
    }
  });

  it("allows the public neighbours of each range", async () => {
    for (const host of OUTSIDE) {
      await expect(assertPublicUrl(`https://${host}/`, { resolveHost: noDns }), host).resolves.toBeInstanceOf(URL);
    }
  });

  it("refuses names that resolve into each range, including through the machine's resolver", async () => {
    const table: Record<string, string[]> = {
      "loop.example": ["127.0.0.2"],
      "v6loop.example": ["::1"],
      "zero.example": ["0.0.0.0"],
      "ten.example": ["10.9.8.7"],
      "one-seven-two.example": ["172.31.0.1"],
      "home.example": ["192.168.1.1"],
      "metadata.example": ["169.254.169.254"],
      "cgnat.example": ["100.100.100.200"],
      "ula.example": ["fd00::1"],
      "mapped.example": ["::ffff:10.0.0.1"],
      "one-bad-of-two.example": ["8.8.8.8", "192.168.0.10"],
    };
    for (const name of Object.keys(table)) {
      expect(await refusal(`https://${name}/`, resolvesTo(table)), name).toMatch(new RegExp(`${name.replace(/\./g, "\\.")} resolves to .*range`));
    }
    // No injected resolver: the system's, which answers localhost from /etc/hosts (no network).
    for (const url of ["http://localhost/", "http://LOCALHOST./", "https://localhost:443/"]) {
      const error = await rejectionOf(assertPublicUrl(url));
      expect(error.kind, url).toBe("fatal");
      expect(error.message, url).toMatch(/localhost resolves to .*(loopback)/);
    }
  });

  it("refuses ports other than 80 and 443, whatever the host", async () => {
    const resolveHost = resolvesTo({ "boards.example": ["93.184.216.34"] });
    for (const port of [0, 22, 25, 81, 3000, 5432, 6379, 8080, 8443, 65535]) {
      const error = await rejectionOf(assertPublicUrl(`https://boards.example:${port}/`, { resolveHost }));
      expect(error.kind, String(port)).toBe("fatal");
      expect(error.message).toMatch(new RegExp(`port ${port} is not allowed`));
    }
    await expect(assertPublicUrl("http://boards.example:443/", { resolveHost })).resolves.toBeInstanceOf(URL);
  });

  it("refuses redirects into each range, in any spelling, without requesting them", async () => {
    const server = await testServer();
    const port = Number(new URL(server.url).port);
    const targets = [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::ffff:7f00:1]/",
      "http://0.0.0.0/",
      "http://012.0.0.1/",
      "http://[::ffff:172.16.0.1]/",
      "http://0300.0250.0.1/",
      "http://0xa9fea9fe/latest/meta-data/",
      "http://100.64.0.1/",
      "http://[fd00::1]/",
      "http://internal.example/",
    ];
    targets.forEach((target, index) => server.route(`/r${index}`, { status: 302, headers: { location: target } }));
    // The fixture server (on 127.0.0.1) is allowlisted by a name of its own, so 127.0.0.1 itself is not.
    const client = testClient({
      allowPrivateHosts: ["fixture.test"],
      allowPorts: [80, 443],
      resolveHost: resolvesTo({ "fixture.test": ["127.0.0.1"], "internal.example": ["10.0.0.7"] }),
    });
    for (const [index, target] of targets.entries()) {
      const error = await rejectionOf(client.fetcherFor().fetch(`http://fixture.test:${port}/r${index}`));
      expect(error.kind, target).toBe("fatal");
      expect(error.message, target).toMatch(/range, not a public address/);
    }
    expect(server.requests.filter((request) => /^\/r\d+$/.test(request.path))).toHaveLength(targets.length);
    const reached = server.requests.map((request) => request.path);
    expect(reached.every((path) => /^\/r\d+$/.test(path) || path === "/robots.txt")).toBe(true);
  });
});
