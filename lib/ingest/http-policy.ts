import { createHttpClient, type HostPolicy, type HttpClient } from "@/lib/http";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Documented public job-board APIs invite automated clients, so robots.txt (written for their web
 * pages) is not consulted there; every other host, career pages included, is robots-gated.
 */
export const KNOWN_API_HOSTS: Readonly<Record<string, HostPolicy>> = {
  "boards-api.greenhouse.io": { checkRobots: false, minIntervalMs: 1_000 },
  "api.lever.co": { checkRobots: false, minIntervalMs: 1_000 },
  "api.eu.lever.co": { checkRobots: false, minIntervalMs: 1_000 },
  "api.ashbyhq.com": { checkRobots: false, minIntervalMs: 1_000 },
  "apply.workable.com": { checkRobots: false, minIntervalMs: 1_000 },
  "api.smartrecruiters.com": { checkRobots: false, minIntervalMs: 1_000 },
  "hn.algolia.com": { checkRobots: false, minIntervalMs: 1_000 },
  "hacker-news.firebaseio.com": { checkRobots: false, minIntervalMs: 250 },
};

let shared: HttpClient | undefined;

/** The process's polite HTTP client: per-host queues and the robots cache are shared by all runs. */
export function appHttpClient(): HttpClient {
  const config = env();
  shared ??= createHttpClient({
    contactUrl: config.CONTACT_URL,
    allowPrivateHosts: config.HTTP_ALLOW_PRIVATE_HOSTS,
    hosts: KNOWN_API_HOSTS,
    log: logger(),
  });
  return shared;
}

export async function closeAppHttpClient(): Promise<void> {
  const client = shared;
  shared = undefined;
  await client?.close();
}
