import type { Db } from "@/lib/db";
import { ACTIVE_SEARCH } from "./match";
import { digestWindowKey, instantWindowKey, nextDigestAt } from "./windows";

export interface ScheduleResult {
  /** AlertDelivery rows created, each with its matches attached. */
  deliveries: number;
  /** Daily/weekly searches whose send time came (with or without anything to send). */
  digestsDue: number;
}

/**
 * Turn unsent matches into outbox rows. One AlertDelivery per (search, window) under the unique
 * constraint; a delivery and its matches are written in one statement and never grow afterwards,
 * so the sender always mails exactly what was attached. Matches arriving after their window's
 * delivery exists wait for the next window. Closed postings are not attached; nothing is created
 * for a search with nothing open to send.
 */
export async function scheduleDeliveries(db: Db, now: Date): Promise<ScheduleResult> {
  const instant = await scheduleInstant(db, now);
  const digests = await scheduleDigests(db, now);
  return { deliveries: instant + digests.deliveries, digestsDue: digests.due };
}

async function scheduleInstant(db: Db, now: Date): Promise<number> {
  const window = instantWindowKey(now);
  const [row] = await db.$queryRaw<{ deliveries: number }[]>`
    WITH waiting AS (
      SELECT DISTINCT m.saved_search_id FROM alert_match m JOIN posting p ON p.id = m.posting_id
      WHERE m.delivery_id IS NULL AND p.closed_at IS NULL
    ), created AS (
      INSERT INTO alert_delivery (id, saved_search_id, window_key, to_email, status, attempts, next_attempt_at, created_at)
      SELECT gen_random_uuid()::text, s.id, ${window}, u.email, 'pending', 0, ${now}, ${now}
      FROM waiting JOIN saved_search s ON s.id = waiting.saved_search_id JOIN "user" u ON u.id = s.user_id
      WHERE s.frequency = 'instant' AND ${ACTIVE_SEARCH}
      ON CONFLICT (saved_search_id, window_key) DO NOTHING
      RETURNING id, saved_search_id
    ), attached AS (
      UPDATE alert_match m SET delivery_id = created.id FROM created, posting p
      WHERE m.saved_search_id = created.saved_search_id AND m.delivery_id IS NULL AND p.id = m.posting_id AND p.closed_at IS NULL
    )
    SELECT (SELECT count(*) FROM created)::int AS deliveries`;
  return row?.deliveries ?? 0;
}

interface DueDigest {
  id: string;
  frequency: "daily" | "weekly";
  send_hour: number;
  next_send_at: Date | null;
  time_zone: string;
}

async function scheduleDigests(db: Db, now: Date): Promise<{ due: number; deliveries: number }> {
  const due = await db.$queryRaw<DueDigest[]>`
    SELECT s.id, s.frequency::text AS frequency, s.send_hour, s.next_send_at, u.time_zone
    FROM saved_search s JOIN "user" u ON u.id = s.user_id
    WHERE s.frequency IN ('daily', 'weekly') AND (s.next_send_at IS NULL OR s.next_send_at <= ${now}) AND ${ACTIVE_SEARCH}`;
  if (due.length === 0) return { due: 0, deliveries: 0 };
  // The window is named after the scheduled send (not now), so every process and retry agrees on it.
  const plan = due.map((search) => ({
    id: search.id,
    window_key: digestWindowKey(search.frequency, search.next_send_at ?? now, search.time_zone),
    next_send_at: nextDigestAt(search.frequency, search.send_hour, search.time_zone, now).toISOString(),
  }));
  const [row] = await db.$queryRaw<{ deliveries: number }[]>`
    WITH plan AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(plan)}::jsonb) AS d(id text, window_key text, next_send_at timestamp(3))
    ), advanced AS (
      UPDATE saved_search s SET next_send_at = plan.next_send_at FROM plan WHERE s.id = plan.id
    ), created AS (
      INSERT INTO alert_delivery (id, saved_search_id, window_key, to_email, status, attempts, next_attempt_at, created_at)
      SELECT gen_random_uuid()::text, s.id, plan.window_key, u.email, 'pending', 0, ${now}, ${now}
      FROM plan JOIN saved_search s ON s.id = plan.id JOIN "user" u ON u.id = s.user_id
      WHERE EXISTS (SELECT 1 FROM alert_match m JOIN posting p ON p.id = m.posting_id
                    WHERE m.saved_search_id = s.id AND m.delivery_id IS NULL AND p.closed_at IS NULL)
      ON CONFLICT (saved_search_id, window_key) DO NOTHING
      RETURNING id, saved_search_id
    ), attached AS (
      UPDATE alert_match m SET delivery_id = created.id FROM created, posting p
      WHERE m.saved_search_id = created.saved_search_id AND m.delivery_id IS NULL AND p.id = m.posting_id AND p.closed_at IS NULL
    )
    SELECT (SELECT count(*) FROM created)::int AS deliveries`;
  return { due: due.length, deliveries: row?.deliveries ?? 0 };
}
