import robotsParser from "robots-parser";
import { ScrapeError } from "@/scrapers/types";
import type { Clock } from "./clock";

type RobotsRules = ReturnType<typeof robotsParser>;

/** What an origin's robots.txt (RFC 9309) lets us do. */
export type RobotsVerdict =
  | { kind: "rules"; rules: RobotsRules }
  /** 4xx: the site has no robots.txt, everything is allowed. */
  | { kind: "allow-all" }
  /** 5xx, 429 or no answer: nothing on the origin may be fetched for now. */
  | { kind: "unreachable"; reason: string };

/** Fetches one robots.txt URL, following redirects; throws when there is no answer (fatal when the address is refused). */
export type RobotsFetch = (robotsUrl: URL) => Promise<{ status: number; body: string }>;

export interface RobotsCacheOptions {
  /** How long an answered robots.txt is trusted (RFC 9309 says at most 24 h). */
  ttlMs: number;
  /** How long an unreachable robots.txt keeps its origin blocked before it is asked again. */
  failureTtlMs: number;
}

interface CacheEntry {
  verdict: Promise<RobotsVerdict>;
  /** Undefined while the fetch is in flight: everyone asking meanwhile shares it. */
  expiresAt: number | undefined;
}

/** robots.txt per origin, fetched once and shared by every run in the process. */
export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly fetchRobots: RobotsFetch,
    private readonly clock: Clock,
    private readonly options: RobotsCacheOptions,
  ) {}

  verdictFor(url: URL): Promise<RobotsVerdict> {
    const cached = this.entries.get(url.origin);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > this.clock.now())) return cached.verdict;
    const entry: CacheEntry = { verdict: this.load(url.origin), expiresAt: undefined };
    entry.verdict.then(
      (verdict) => {
        const ttl = verdict.kind === "unreachable" ? this.options.failureTtlMs : this.options.ttlMs;
        entry.expiresAt = this.clock.now() + ttl;
      },
      () => {
        if (this.entries.get(url.origin) === entry) this.entries.delete(url.origin);
      },
    );
    this.entries.set(url.origin, entry);
    return entry.verdict;
  }

  private async load(origin: string): Promise<RobotsVerdict> {
    const robotsUrl = new URL("/robots.txt", origin);
    try {
      const { status, body } = await this.fetchRobots(robotsUrl);
      if (status >= 200 && status <= 299) return { kind: "rules", rules: robotsParser(robotsUrl.href, body) };
      // 429 is a 4xx but means "slow down", not "no robots.txt": treated like a server error to stay polite.
      if (status >= 400 && status <= 499 && status !== 429) return { kind: "allow-all" };
      return { kind: "unreachable", reason: `answered ${status}` };
    } catch (error) {
      // A refused address is a configuration problem of its own, reported as such.
      if (error instanceof ScrapeError && error.kind === "fatal") throw error;
      return { kind: "unreachable", reason: `could not be fetched (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}

export function robotsAllows(verdict: RobotsVerdict, url: URL, userAgent: string): boolean {
  if (verdict.kind !== "rules") return verdict.kind === "allow-all";
  // undefined means the URL is not on this robots.txt's origin, which the cache never asks.
  return verdict.rules.isAllowed(url.href, userAgent) !== false;
}

/** The Crawl-delay for our user agent (or *), in ms; 0 when there is none or it is not a positive number. */
export function crawlDelayMs(verdict: RobotsVerdict, userAgent: string): number {
  if (verdict.kind !== "rules") return 0;
  const seconds = Number(verdict.rules.getCrawlDelay(userAgent));
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}
