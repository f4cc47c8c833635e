import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashedPolicy, isCacheable, nonceScriptHashes, PAGE_CACHE_SECONDS, PAGE_RENDER_HEADER, PageCache } from "@/lib/security/page-cache";

const NONCE = "bm9uY2Utb2YtdGhlLXJlbmRlcg==";
const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

function page(body: string): string {
  return `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async nonce="${NONCE}"></script></head><body>${body}` +
    `<script nonce="${NONCE}">self.__next_f.push([1,"a"])</script><script type="application/ld+json">{"@type":"JobPosting"}</script></body></html>`;
}

describe("nonceScriptHashes", () => {
  it("hashes the inline scripts that bear the render's nonce, and nothing injected", () => {
    const html = page(`<p>posting</p><script>alert(1)</script><script nonce="guessed">alert(2)</script>`);
    expect(nonceScriptHashes(html, NONCE)).toEqual([hash(`self.__next_f.push([1,"a"])`)]);
  });

  it("gives a policy without unsafe-inline that names each hash", () => {
    const policy = hashedPolicy([hash("x")]);
    const scripts = /script-src ([^;]*)/.exec(policy)![1]!.split(" ");
    expect(scripts).toEqual(["'self'", hash("x")]);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

function request(url: string, init: { method?: string; headers?: Record<string, string>; cookies?: string[] } = {}) {
  const parsed = new URL(url, "http://site.test");
  return {
    method: init.method ?? "GET",
    nextUrl: { pathname: parsed.pathname, search: parsed.search, searchParams: parsed.searchParams },
    headers: new Headers(init.headers),
    cookies: { has: (name: string) => (init.cookies ?? []).includes(name) },
  };
}

describe("isCacheable", () => {
  it("takes an anonymous page load of the listing only", () => {
    expect(isCacheable(request("/?level=senior"), "mlradar.session")).toBe(true);
    expect(isCacheable(request("/", { cookies: ["mlradar.session"] }), "mlradar.session")).toBe(false);
    expect(isCacheable(request("/", { method: "POST" }), "mlradar.session")).toBe(false);
    expect(isCacheable(request("/", { headers: { rsc: "1" } }), "mlradar.session")).toBe(false);
    expect(isCacheable(request("/?_rsc=abc"), "mlradar.session")).toBe(false);
    expect(isCacheable(request("/", { headers: { [PAGE_RENDER_HEADER]: "1" } }), "mlradar.session")).toBe(false);
    expect(isCacheable(request("/role"), "mlradar.session")).toBe(false);
  });
});

const okPage = () =>
  new Response(page("<p>listing</p>"), {
    headers: { "content-security-policy": `script-src 'nonce-${NONCE}'`, "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY", "content-length": "999" },
  });

describe("PageCache", () => {
  function harness(answer: () => Response = okPage, delayMs = 5) {
    let now = 1_000_000;
    const renders: { url: string; init: RequestInit }[] = [];
    const cache = new PageCache("http://127.0.0.1:3999", () => now, async (url, init) => {
      renders.push({ url, init });
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return answer();
    });
    return { cache, renders, advance: (ms: number) => (now += ms) };
  }

  it("renders a miss once for every request waiting on it, through its own origin, then answers from memory", async () => {
    const { cache, renders } = harness();
    const first = await Promise.all([cache.respond("/", "?q=x"), cache.respond("/", "?q=x"), cache.respond("/", "?q=x")]);
    expect(renders).toHaveLength(1);
    expect(renders[0]!.url).toBe("http://127.0.0.1:3999/?q=x");
    expect(new Headers(renders[0]!.init.headers).get(PAGE_RENDER_HEADER)).toBe("1");
    for (const response of first) expect(await response.text()).toContain("<p>listing</p>");
    const hit = await cache.respond("/", "?q=x");
    expect(hit.headers.get("x-mlradar-cache")).toBe("HIT");
    expect(hit.headers.get("x-frame-options")).toBe("DENY");
    expect(hit.headers.get("content-length")).toBeNull();
    expect(hit.headers.get("content-security-policy")).toContain(hash(`self.__next_f.push([1,"a"])`));
    expect(hit.headers.get("content-security-policy")).not.toContain("nonce-");
    expect(renders).toHaveLength(1);
  });

  it("renders again once the page is PAGE_CACHE_SECONDS old", async () => {
    const { cache, renders, advance } = harness();
    await cache.respond("/", "");
    advance(PAGE_CACHE_SECONDS * 1000 - 1);
    await cache.respond("/", "");
    expect(renders).toHaveLength(1);
    advance(1);
    expect((await cache.respond("/", "")).headers.get("x-mlradar-cache")).toBe("MISS");
    expect(renders).toHaveLength(2);
  });

  it("passes an error, or a page that sets a cookie, to its visitor without keeping it", async () => {
    for (const answer of [
      () => new Response("boom", { status: 500, headers: { "content-security-policy": `script-src 'nonce-${NONCE}'` } }),
      () => new Response(page(""), { headers: { "content-security-policy": `script-src 'nonce-${NONCE}'`, "set-cookie": "a=b" } }),
    ]) {
      const { cache, renders } = harness(answer);
      const response = await cache.respond("/", "");
      expect(response.headers.get("x-mlradar-cache")).toBeNull();
      await cache.respond("/", "");
      expect(renders).toHaveLength(2);
      expect(cache.size).toBe(0);
    }
  });

  it("rejects when the render cannot be reached, keeps nothing, and tries again on the next request", async () => {
    let calls = 0;
    const cache = new PageCache("http://127.0.0.1:1", Date.now, async () => {
      calls++;
      throw new TypeError("fetch failed");
    });
    await expect(cache.respond("/", "")).rejects.toThrow("fetch failed");
    await expect(cache.respond("/", "")).rejects.toThrow("fetch failed");
    expect(calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("keeps at most 2,000 pages, dropping the oldest", async () => {
    const { cache } = harness(okPage, 0);
    for (let i = 0; i < 2_050; i++) await cache.respond("/", `?q=${i}`);
    expect(cache.size).toBe(2_000);
  });
});
