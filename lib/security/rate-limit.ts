import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";

export interface RateLimitRule {
  key: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Count one attempt against a fixed window kept in the rate_limit table (last_request holds the
 * window's start), atomically, so the limit holds across processes.
 */
export async function consumeRateLimit(db: Db, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const nowMs = BigInt(now.getTime());
  const expiredBefore = nowMs - BigInt(rule.windowMs);
  const [row] = await db.$queryRaw<{ count: number; window_start: bigint }[]>`
    INSERT INTO rate_limit (id, key, count, last_request) VALUES (${randomUUID()}, ${rule.key}, 1, ${nowMs})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request <= ${expiredBefore} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request <= ${expiredBefore} THEN ${nowMs} ELSE rate_limit.last_request END
    RETURNING count, last_request AS window_start`;
  const windowEnds = Number(row!.window_start) + rule.windowMs;
  return {
    allowed: row!.count <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}
