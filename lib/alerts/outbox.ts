import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";
import type { OutboxEntry } from "./transport";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * /dev/mail shows the outbox only when mail goes there (no SMTP_URL) and either this is a
 * development server or the site is only reachable on this machine (the embedded `npm start`
 * demo, whose sign-in links are read there). A deployment with a public SITE_URL never shows it.
 */
export function devMailEnabled(config: Pick<Env, "NODE_ENV" | "SMTP_URL" | "SITE_URL">): boolean {
  if (config.SMTP_URL) return false;
  return config.NODE_ENV !== "production" || LOOPBACK.has(new URL(config.SITE_URL).hostname);
}

/** The newest messages written by the outbox transport. */
export function listOutbox(dir: string, limit = 50): OutboxEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10) || b.localeCompare(a))
    .slice(0, limit)
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as OutboxEntry);
}
