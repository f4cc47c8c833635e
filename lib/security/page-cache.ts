/**
 * The anonymous listing as HTML, kept for PAGE_CACHE_SECONDS and served by proxy.ts without
 * rendering. A nonce must differ per response, so a cached page carries a hash-based policy
 * instead: the hashes of the inline scripts that bore the render's nonce (the framework's own; a
 * script injected through content never bore it, so it stays blocked), plus 'self' for the
 * bundles. A miss renders the page once, through this same server on PAGE_CACHE_ORIGIN.
 */
import { createHash } from "node:crypto";
import { policyWithScripts } from "./headers";

/** How long a visitor may see the same cached HTML; renders in between use fresh data. */
export const PAGE_CACHE_SECONDS = 60;
/** Sent on the render a miss makes: the page bypasses this cache and the listing's data cache. */
export const PAGE_RENDER_HEADER = "x-mlradar-page-render";
/** The paths whose anonymous HTML is the same for every visitor. */
const CACHED_PATHS = new Set(["/"]);
/** Memory bound: garbage query strings each make an entry, the oldest go first. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 2_000;
/** Response headers that describe the bytes on the wire or this one response, not the page. */
const HOP_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "content-security-policy"]);

export interface CachedPage {
  html: string;
  headers: [string, string][];
  storedAt: number;
}

interface CacheableRequest {
  method: string;
  nextUrl: { pathname: string; search: string; searchParams: URLSearchParams };
  headers: Headers;
  cookies: { has(name: string): boolean };
}

/** Whether this request may be answered from the cache: an anonymous page load of a cached path. */
export function isCacheable(request: CacheableRequest, sessionCookie: string): boolean {
  return (
    request.method === "GET" &&
    CACHED_PATHS.has(request.nextUrl.pathname) &&
    !request.nextUrl.searchParams.has("_rsc") &&
    !request.headers.has("rsc") &&
    !request.headers.has(PAGE_RENDER_HEADER) &&
    !request.cookies.has(sessionCookie)
  );
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/** The inline scripts of a rendered page that carry its nonce: the only ones a cached copy may run. */
export function nonceScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1]!;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const bears = /\bnonce\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    if (bears && (bears[1] ?? bears[2] ?? bears[3]) === nonce) hashes.add(`'sha256-${sha256(match[2]!)}'`);
  }
  return [...hashes];
}

/** The policy of a cached copy: the usual one with the nonce's place taken by the scripts' hashes. */
export function hashedPolicy(hashes: string[]): string {
  return policyWithScripts(["'self'", ...hashes]);
}

export function nonceOf(policy: string | null): string | null {
  return policy ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage & { bytes: number }>();
  private readonly rendering = new Map<string, Promise<Response>>();
  private bytes = 0;

  constructor(
    private readonly origin: string,
    private readonly clock: () => number = Date.now,
    private readonly render: (url: string, init: RequestInit) => Promise<Response> = fetch,
  ) {}

  /** The page for this path and query: cached, or rendered once for every request waiting on it. */
  async respond(pathname: string, search: string): Promise<Response> {
    const key = pathname + search;
    const entry = this.entries.get(key);
    if (entry && this.clock() - entry.storedAt < PAGE_CACHE_SECONDS * 1000) return this.toResponse(entry, "HIT");
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.renderAndStore(key).finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return (await pending).clone();
  }

  private async renderAndStore(key: string): Promise<Response> {
    const response = await this.render(this.origin + key, { headers: { [PAGE_RENDER_HEADER]: "1", accept: "text/html" }, redirect: "manual" });
    const nonce = nonceOf(response.headers.get("content-security-policy"));
    // Only a plain page is shared: an error, a redirect or anything setting a cookie goes to its one visitor as it came.
    if (response.status !== 200 || !nonce || response.headers.has("set-cookie")) return response;
    const html = await response.text();
    const headers = [...response.headers].filter(([name]) => !HOP_HEADERS.has(name.toLowerCase()));
    headers.push(["content-security-policy", hashedPolicy(nonceScriptHashes(html, nonce))]);
    const page = { html, headers, storedAt: this.clock(), bytes: html.length * 2 };
    this.store(key, page);
    return this.toResponse(page, "MISS");
  }

  private store(key: string, page: CachedPage & { bytes: number }): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, page);
    this.bytes += page.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= MAX_BYTES && this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
  }

  private toResponse(page: CachedPage, state: "HIT" | "MISS"): Response {
    const headers = new Headers(page.headers);
    headers.set("x-mlradar-cache", state);
    return new Response(page.html, { status: 200, headers });
  }

  get size(): number {
    return this.entries.size;
  }
}
