import { STATUS_CODES } from "node:http";
import type { Logger } from "pino";
import { Agent } from "undici";
import { ScrapeError, type FetchInit, type FetchResult, type Fetcher } from "@/scrapers/types";
import { checkUrlTarget, createGuardedLookup, type AddressGuardOptions, type ResolveHost } from "./address-guard";
import { ACCEPTED_ENCODINGS } from "./body";
import { systemClock, type Clock } from "./clock";
import { HttpStatusError } from "./errors";
import { HostScheduler } from "./host-scheduler";
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from "./retry";
import { RobotsCache, crawlDelayMs, robotsAllows } from "./robots";
import { sendOnce, type HopRequest, type HopResponse } from "./transport";
import { conditionalHeaders, validatorsOf, type ValidatorMap } from "./validators";

export type HttpLog = Pick<Logger, "debug" | "warn">;

/** Per-host settings, keyed by host name ("boards-api.greenhouse.io") or host:port. */
export interface HostPolicy {
  /** Least time between the end of one request to the host and the start of the next, ms. */
  minIntervalMs?: number;
  /** false for documented public APIs whose terms invite automated clients; robots.txt is honoured otherwise. */
  checkRobots?: boolean;
}

export interface HttpClientOptions {
  /** Named in the User-Agent so site operators can reach us (env().CONTACT_URL). */
  contactUrl: string;
  /** Hosts reachable on any port even though private (env().HTTP_ALLOW_PRIVATE_HOSTS; "127.0.0.1" in tests). */
  allowPrivateHosts?: readonly string[];
  /** Ports other hosts may use; 80 and 443 by default. */
  allowPorts?: readonly number[];
  hosts?: Readonly<Record<string, HostPolicy>>;
  /** Spacing for hosts without a policy; 1000 ms. */
  minIntervalMs?: number;
  /** Retries after the first attempt on 408, 429, 5xx and network errors; 3. */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A longer Retry-After fails the request (retryable) instead of waiting; 1 h. */
  maxRetryAfterMs?: number;
  connectTimeoutMs?: number;
  /** Whole exchange, headers and body, per attempt; 30 s. */
  totalTimeoutMs?: number;
  /** Counted after decompression; 5 MiB. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  robotsTtlMs?: number;
  robotsFailureTtlMs?: number;
  resolveHost?: ResolveHost;
  clock?: Clock;
  /** Jitter source, [0, 1). */
  random?: () => number;
  log?: HttpLog;
}

export interface FetchStats {
  /** HTTP requests sent by this fetcher (retries and redirect hops included, robots.txt not). */
  requests: number;
  /** Answers that were 304 Not Modified. */
  notModified: number;
}

/** A Fetcher for one scrape run. */
export interface RunFetcher extends Fetcher {
  stats(): FetchStats;
  /** Validators of the URLs this run fetched conditionally; store them after a successful run. */
  validators(): ValidatorMap;
}

export interface HttpClient {
  /** `validators`: what the source stored last time (Source.httpValidators parsed with validatorMapSchema). */
  fetcherFor(run?: { validators?: ValidatorMap; log?: HttpLog }): RunFetcher;
  close(): Promise<void>;
}

const USER_AGENT_PRODUCT = "mlradar/0.1";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const DEFAULTS = {
  minIntervalMs: 1_000,
  maxRetries: 3,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
  maxRetryAfterMs: 60 * 60_000,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  robotsTtlMs: 24 * 60 * 60_000,
  robotsFailureTtlMs: 10 * 60_000,
};

type Settings = typeof DEFAULTS;

interface HopContext {
  /** Page fetches consult robots.txt and retry; the robots.txt fetch itself does neither. */
  polite: boolean;
  log: HttpLog | undefined;
  onSend?: () => void;
}

/** One per process: the per-host queues and the robots.txt cache are shared by every run. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return new PoliteHttpClient(options);
}

class PoliteHttpClient implements HttpClient {
  readonly userAgent: string;
  private readonly settings: Settings;
  private readonly guard: AddressGuardOptions;
  private readonly hosts: ReadonlyMap<string, HostPolicy>;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly agent: Agent;
  private readonly scheduler: HostScheduler;
  private readonly robots: RobotsCache;

  constructor(private readonly options: HttpClientOptions) {
    this.userAgent = `${USER_AGENT_PRODUCT} (+${options.contactUrl})`;
    this.settings = Object.fromEntries(
      Object.entries(DEFAULTS).map(([key, fallback]) => [key, options[key as keyof Settings] ?? fallback]),
    ) as Settings;
    this.guard = {
      allowPrivateHosts: options.allowPrivateHosts,
      allowPorts: options.allowPorts,
      resolveHost: options.resolveHost,
    };
    this.hosts = new Map(Object.entries(options.hosts ?? {}).map(([host, policy]) => [host.toLowerCase(), policy]));
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    // The guarded lookup is the only resolver the sockets use, so they connect to the addresses it checked.
    this.agent = new Agent({
      connect: { timeout: this.settings.connectTimeoutMs, lookup: createGuardedLookup(this.guard) },
    });
    this.scheduler = new HostScheduler(this.clock);
    this.robots = new RobotsCache((url) => this.fetchRobots(url), this.clock, {
      ttlMs: this.settings.robotsTtlMs,
      failureTtlMs: this.settings.robotsFailureTtlMs,
    });
  }

  fetcherFor(run: { validators?: ValidatorMap; log?: HttpLog } = {}): RunFetcher {
    return new RunFetcherImpl(this, run.validators ?? {}, run.log ?? this.options.log);
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Caller headers, then ours: the User-Agent and Accept-Encoding are not the caller's to change. */
  requestHeaders(callerHeaders: Record<string, string> | undefined, extra: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { accept: "*/*" };
    for (const [name, value] of Object.entries(callerHeaders ?? {})) headers[name.toLowerCase()] = value;
    return { ...headers, ...extra, "user-agent": this.userAgent, "accept-encoding": ACCEPTED_ENCODINGS };
  }

  /** Follows up to maxRedirects redirects, each hop checked, scheduled and (when polite) robots-gated on its own. */
  async follow(start: URL, request: HopRequest, context: HopContext): Promise<{ url: URL; response: HopResponse }> {
    let url = start;
    let current = request;
    for (let redirects = 0; ; redirects++) {
      const response = await this.exchange(url, current, context);
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers["location"] : undefined;
      if (location === undefined) return { url, response };
      if (redirects === this.settings.maxRedirects) {
        throw new HttpStatusError(
          `${request.method} ${start.href}: more than ${this.settings.maxRedirects} redirects (the last, ${response.status} from ${url.href} to ${location})`,
          "permanent",
          response.status,
          url.href,
        );
      }
      const next = parseLocation(location, url, response.status);
      current = redirectedRequest(current, response.status, url, next);
      url = next;
    }
  }

  private async exchange(url: URL, request: HopRequest, context: HopContext): Promise<HopResponse> {
    checkUrlTarget(url, this.guard);
    const policy = this.policyFor(url);
    const baseSpacingMs = policy.minIntervalMs ?? this.settings.minIntervalMs;
    if (!context.polite) return this.send(url, request, baseSpacingMs, context);

    const spacingMs = Math.max(baseSpacingMs, policy.checkRobots === false ? 0 : await this.robotsCrawlDelayMs(url));
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.send(url, request, spacingMs, context).catch((error: unknown) => {
        if (error instanceof ScrapeError && error.kind === "retryable") return error;
        throw error;
      });
      if (!(outcome instanceof ScrapeError) && !isRetryableStatus(outcome.status)) return outcome;
      const delayMs = this.retryDelayMs(outcome, url, request, attempt);
      context.log?.warn(
        { url: url.href, attempt, delayMs, reason: outcome instanceof ScrapeError ? outcome.message : outcome.status },
        "http: retrying",
      );
      this.scheduler.deferUntil(url.host, this.clock.now() + delayMs);
    }
  }

  /** The wait before the next attempt; throws (retryable) when there should be none. */
  private retryDelayMs(outcome: HopResponse | ScrapeError, url: URL, request: HopRequest, attempt: number): number {
    const backoffMs = backoffDelayMs(attempt - 1, this.settings.backoffBaseMs, this.settings.backoffCapMs, this.random);
    if (outcome instanceof ScrapeError) {
      if (attempt > this.settings.maxRetries) {
        throw new ScrapeError(`${outcome.message}; gave up after ${attempt} attempts`, "retryable", { cause: outcome });
      }
      return backoffMs;
    }
    const answered = `${request.method} ${url.href}: answered ${describeStatus(outcome.status)}`;
    const retryAfterMs = parseRetryAfterMs(outcome.headers["retry-after"], this.clock.now());
    if (retryAfterMs !== undefined && retryAfterMs > this.settings.maxRetryAfterMs) {
      throw new HttpStatusError(
        `${answered} with Retry-After ${Math.ceil(retryAfterMs / 1000)} s, over the ${this.settings.maxRetryAfterMs / 1000} s we wait; giving up for this run`,
        "retryable",
        outcome.status,
        url.href,
      );
    }
    if (attempt > this.settings.maxRetries) {
      throw new HttpStatusError(`${answered}; gave up after ${attempt} attempts`, "retryable", outcome.status, url.href);
    }
    return retryAfterMs ?? backoffMs;
  }

  private send(url: URL, request: HopRequest, spacingMs: number, context: HopContext): Promise<HopResponse> {
    // Keyed by host:port: one machine's http and https share a queue; tests get one queue per local server.
    return this.scheduler.run(url.host, spacingMs, () => {
      context.onSend?.();
      return sendOnce(this.agent, url, request, this.settings);
    });
  }

  private async robotsCrawlDelayMs(url: URL): Promise<number> {
    const verdict = await this.robots.verdictFor(url);
    if (verdict.kind === "unreachable") {
      throw new ScrapeError(
        `robots.txt of ${url.origin} ${verdict.reason}; nothing is fetched from ${url.host} until it answers (${url.href} not fetched)`,
        "retryable",
      );
    }
    if (!robotsAllows(verdict, url, this.userAgent)) {
      throw new ScrapeError(
        `robots.txt of ${url.origin} disallows ${url.pathname}${url.search} for ${USER_AGENT_PRODUCT}; not fetched`,
        "permanent",
      );
    }
    return crawlDelayMs(verdict, this.userAgent);
  }

  private async fetchRobots(robotsUrl: URL): Promise<{ status: number; body: string }> {
    const request = { method: "GET" as const, headers: this.requestHeaders({ accept: "text/plain" }, {}) };
    const { response } = await this.follow(robotsUrl, request, { polite: false, log: this.options.log });
    this.options.log?.debug({ url: robotsUrl.href, status: response.status }, "http: robots.txt fetched");
    return response;
  }

  private policyFor(url: URL): HostPolicy {
    return this.hosts.get(url.host) ?? this.hosts.get(url.hostname) ?? {};
  }
}

class RunFetcherImpl implements RunFetcher {
  private readonly counts: FetchStats = { requests: 0, notModified: 0 };
  private readonly seen: ValidatorMap = {};

  constructor(
    private readonly client: PoliteHttpClient,
    private readonly known: ValidatorMap,
    private readonly log: HttpLog | undefined,
  ) {}

  async fetch(input: string, init: FetchInit = {}): Promise<FetchResult> {
    const url = parseUrl(input);
    const method = init.method ?? "GET";
    const conditional = init.conditional ?? method === "GET";
    const key = url.href;
    const known = conditional ? (this.seen[key] ?? this.known[key]) : undefined;
    const request: HopRequest = {
      method,
      headers: this.client.requestHeaders(init.headers, conditionalHeaders(known)),
      body: init.body,
    };
    const { url: finalUrl, response } = await this.client.follow(url, request, {
      polite: true,
      log: this.log,
      onSend: () => this.counts.requests++,
    });
    const result = { url: finalUrl.href, status: response.status, headers: response.headers };

    if (response.status === 304) {
      this.counts.notModified++;
      if (known) this.seen[key] = { ...known, ...validatorsOf(response.headers) };
      return { ...result, body: "", notModified: true };
    }
    if (response.status >= 200 && response.status <= 299) {
      if (conditional) this.remember(key, response.headers);
      return { ...result, body: response.body, notModified: false };
    }
    throw new HttpStatusError(
      `${method} ${finalUrl.href}: answered ${describeStatus(response.status)}; not retried`,
      "permanent",
      response.status,
      finalUrl.href,
    );
  }

  stats(): FetchStats {
    return { ...this.counts };
  }

  validators(): ValidatorMap {
    return { ...this.seen };
  }

  private remember(key: string, headers: Record<string, string>): void {
    const fresh = validatorsOf(headers);
    // A 200 without validators makes the stored ones stale: drop them rather than send them again.
    if (fresh) this.seen[key] = fresh;
    else delete this.seen[key];
  }
}

function redirectedRequest(request: HopRequest, status: number, from: URL, to: URL): HopRequest {
  const headers = { ...request.headers };
  // Credentials meant for one origin are not handed to another.
  if (from.origin !== to.origin) {
    delete headers["authorization"];
    delete headers["cookie"];
  }
  // 303 always, and 301/302 after a POST (as browsers do), continue as a GET without the body.
  if (status === 303 || (request.method === "POST" && (status === 301 || status === 302))) {
    delete headers["content-type"];
    return { method: "GET", headers };
  }
  return { ...request, headers };
}

function parseUrl(input: string): URL {
  try {
    return new URL(input);
  } catch (error) {
    throw new ScrapeError(`Not a valid URL: ${input}`, "fatal", { cause: error });
  }
}

function parseLocation(location: string, base: URL, status: number): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new HttpStatusError(`${base.href}: answered ${status} with an invalid Location "${location}"`, "permanent", status, base.href);
  }
}

function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}
