import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/auth/secret";
import { wantedSkills } from "@/lib/search/card-skills";
import { postingFilterSchema } from "@/lib/search/schemas";
import { buildAlertEmail, type AlertEmailPosting } from "./alert-email";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { renderEmailStatic } from "./static-render";
import { classifySendError } from "./send-errors";
import { sendAndRecord } from "./send-gate";
import type { MailTransport } from "./transport";

export interface DeliverOptions {
  /** Rows claimed per round trip. */
  batchSize?: number;
  /**
   * Deliveries being prepared at once (claimed, checked, rendered). Their sends go one at a time through
   * this process's send gate, so a crash leaves at most one message accepted by the server and not recorded.
   */
  concurrency?: number;
  /** How long a claim holds; a sender that dies mid-send leaves the row to be retried after it. */
  leaseMs?: number;
  siteUrl?: string;
  secret?: string;
  random?: () => number;
}

export interface DeliverResult {
  sent: number;
  /** Temporary failures, rescheduled with backoff. */
  retried: number;
  /** Given up: a permanent rejection, or MAX_ATTEMPTS temporary ones. */
  failed: number;
  /** Not sent because the address is unconfirmed or suppressed. */
  suppressed: number;
  /** Not sent because the search was paused or every posting closed meanwhile. */
  skipped: number;
  /** Not sent yet: its turn at the send gate came too late in its claim; given back to be claimed again, the attempt not counted. */
  deferred: number;
}

interface ClaimedDelivery {
  id: string;
  saved_search_id: string;
  to_email: string;
  attempts: number;
  search_name: string;
  /** The saved search's filters, as stored (JSON). */
  filters: unknown;
  paused: boolean;
  user_id: string;
  email_verified: boolean;
  suppressed: boolean;
}

interface Context {
  siteUrl: string;
  secret: string;
  random: () => number;
  /** Date.now() after which a message is no longer handed to the server: what is left of the claim is kept for recording it. */
  sendBy: number;
  /** Date.now() by which a sent message must be recorded: before the claim can lapse and another sender takes the row. */
  recordBy: number;
}

/** The server accepted the message and we could not record it: the row stays claimed, never marked for a resend. */
class UnrecordedSendError extends Error {
  name = "UnrecordedSendError";
}

/**
 * Send every due outbox row. Rows are claimed with FOR UPDATE SKIP LOCKED (parallel senders never
 * take the same row) and a lease (a crashed sender's row is taken again once it expires). What
 * this guarantees: nothing is lost; no duplicate without a crash; a crash between the server's
 * 250 and our commit resends once, with the same Message-ID. Claiming and rendering run `concurrency`
 * deliveries at once, but "send, then commit that it was sent" runs for one message at a time per
 * process (send-gate.ts): a crash resends at most one message, not one per pooled connection.
 */
export async function deliverDue(db: Db, transport: MailTransport, now: Date, options: DeliverOptions = {}): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, retried: 0, failed: 0, suppressed: 0, skipped: 0, deferred: 0 };
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const context: Context = {
    siteUrl: options.siteUrl ?? env().SITE_URL,
    secret: options.secret ?? authSecret(),
    random: options.random ?? Math.random,
    sendBy: 0,
    recordBy: 0,
  };
  // The caller's `now`, moved on by the time this call has taken: a backlog takes minutes, each batch's
  // lease must run from when it is claimed (or another sender may take rows this one still holds), and
  // each outcome is stamped when it happens.
  const startedAt = Date.now();
  const currentTime = () => new Date(now.getTime() + (Date.now() - startedAt));
  // Workers take deliveries one at a time; the one that finds none left claims the next batch while
  // the others finish their sends, so the SMTP pool does not drain between batches.
  const queue: { delivery: ClaimedDelivery; postings: AlertEmailPosting[]; context: Context }[] = [];
  let claiming: Promise<void> | null = null;
  let exhausted = false;
  /** A claim that failed (the database is away): the deliveries already claimed are still sent, then it is thrown. */
  const claimFailures: unknown[] = [];
  const refill = () =>
    (claiming ??= (async () => {
      const claimedAt = Date.now();
      const claimed = await claimDue(db, currentTime(), batchSize, leaseMs);
      if (claimed.length === 0) {
        exhausted = true;
        return;
      }
      // Sends queue at the gate; one whose turn comes after a quarter of the claim is given back rather than
      // risk a send that could not be recorded before the claim lapses (another sender would send it again).
      const batchContext = { ...context, sendBy: claimedAt + leaseMs / 4, recordBy: claimedAt + leaseMs / 2 };
      const postings = await openPostingsOf(db, claimed.map((delivery) => delivery.id));
      for (const delivery of claimed) queue.push({ delivery, postings: postings.get(delivery.id) ?? [], context: batchContext });
    })().finally(() => (claiming = null)));
  const worker = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (exhausted || claimFailures.length > 0) return;
        await refill().catch((error: unknown) => claimFailures.push(error));
        continue;
      }
      const { delivery, postings, context: claimContext } = next;
      const outcome = await deliverOne(db, transport, delivery, postings, currentTime, claimContext).catch((error: unknown) =>
        // Sent but not recorded: marking it for a retry would send it again. Its claim lapses instead,
        // as after a crash between the 250 and the commit.
        error instanceof UnrecordedSendError
          ? ("retried" as const)
          : // A failure of ours (database, rendering) must not strand the row or stop the others.
            retryLater(db, delivery, currentTime(), error instanceof Error ? error.message : String(error), context.random),
      );
      result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (claimFailures.length > 0) throw claimFailures[0];
  return result;
}

async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH claimed AS (
      UPDATE alert_delivery d SET status = 'sending', attempts = d.attempts + 1, locked_until = ${lockedUntil}
      WHERE d.id IN (
        SELECT id FROM alert_delivery
        WHERE (status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND locked_until < ${now})
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.saved_search_id, d.to_email, d.attempts
    )
    SELECT claimed.*, s.name AS search_name, s.filters, s.paused, s.user_id, u.email_verified, u.suppressed_at IS NOT NULL AS suppressed
    FROM claimed JOIN saved_search s ON s.id = claimed.saved_search_id JOIN "user" u ON u.id = s.user_id`;
}

/** The still-open postings attached to each delivery (closed ones are never sent). */
async function openPostingsOf(db: Db, deliveryIds: string[]): Promise<Map<string, AlertEmailPosting[]>> {
  const rows = await db.$queryRaw<(AlertEmailPosting & { delivery_id: string })[]>`
    SELECT m.delivery_id, p.id, p.title, p.company_name AS "companyName", p.locations, p.remote::text AS remote, p.level::text AS level,
      p.salary_min_usd AS "salaryMinUsd", p.salary_max_usd AS "salaryMaxUsd", p.salary_min AS "salaryMin", p.salary_max AS "salaryMax",
      p.salary_currency AS "salaryCurrency", p.salary_interval::text AS "salaryInterval", p.sponsors_visa AS "sponsorsVisa", p.skills,
      p.fit_reasons AS "fitReasons", p.fit_score AS "fitScore", p.sort_at AS "sortAt"
    FROM alert_match m JOIN posting p ON p.id = m.posting_id
    WHERE m.delivery_id = ANY(${deliveryIds}::text[]) AND p.closed_at IS NULL`;
  const byDelivery = new Map<string, AlertEmailPosting[]>();
  for (const { delivery_id, ...posting } of rows) byDelivery.set(delivery_id, [...(byDelivery.get(delivery_id) ?? []), posting]);
  return byDelivery;
}

/** Close a delivery that will not be sent (again). */
async function settle(db: Db, id: string, status: "failed" | "suppressed" | "skipped", reason: string) {
  await db.$executeRaw`
    UPDATE alert_delivery SET status = ${status}::"DeliveryStatus", locked_until = NULL, last_error = ${reason} WHERE id = ${id}`;
}

async function retryLater(db: Db, delivery: ClaimedDelivery, now: Date, reason: string, random: () => number): Promise<"retried" | "failed"> {
  if (delivery.attempts >= MAX_ATTEMPTS) {
    await settle(db, delivery.id, "failed", `gave up after ${delivery.attempts} attempts: ${reason}`);
    return "failed";
  }
  const retryAt = new Date(now.getTime() + retryDelayMs(delivery.attempts, random));
  await db.$executeRaw`
    UPDATE alert_delivery SET status = 'pending', locked_until = NULL, next_attempt_at = ${retryAt}, last_error = ${reason}
    WHERE id = ${delivery.id}`;
  return "retried";
}

async function deliverOne(
  db: Db,
  transport: MailTransport,
  delivery: ClaimedDelivery,
  postings: AlertEmailPosting[],
  /** The time now: outcomes are stamped when they happen, after the wait at the send gate, not when this began. */
  clock: () => Date,
  context: Context,
): Promise<keyof DeliverResult> {
  if (!delivery.email_verified || delivery.suppressed) {
    await settle(db, delivery.id, "suppressed", delivery.suppressed ? "address suppressed" : "address not confirmed");
    return "suppressed";
  }
  if (delivery.paused) {
    await settle(db, delivery.id, "skipped", "search paused");
    return "skipped";
  }
  if (postings.length === 0) {
    await settle(db, delivery.id, "skipped", "every posting closed before sending");
    return "skipped";
  }
  const mail = await buildAlertEmail({
    deliveryId: delivery.id,
    to: delivery.to_email,
    search: { id: delivery.saved_search_id, name: delivery.search_name },
    // Filters stored by an older schema ask for no skills, as the saved-search pages read them.
    wantedSkills: wantedSkills(postingFilterSchema.catch({}).parse(delivery.filters)),
    postings,
    siteUrl: context.siteUrl,
    secret: context.secret,
  }, renderEmailStatic);
  // The gate holds from before the message is handed over until its commit: a process killed at any moment
  // has at most one message the server may have accepted and we did not record.
  const sending = await sendAndRecord(async (): Promise<"sent" | "deferred" | { error: unknown }> => {
    if (Date.now() > context.sendBy) return "deferred";
    try {
      await transport.send(mail);
    } catch (error) {
      return { error };
    }
    // One statement, committed the moment the server has said 250: the window for a duplicate stays this small.
    // The message is out whatever the database says now, so a failed commit (a database restart) is retried
    // while the claim holds rather than reported as a failed send.
    const sentAt = clock();
    await untilRecorded(context.recordBy, () => db.$executeRaw`
      WITH searched AS (UPDATE saved_search SET last_sent_at = ${sentAt} WHERE id = ${delivery.saved_search_id})
      UPDATE alert_delivery SET status = 'sent', locked_until = NULL, last_error = NULL, message_id = ${mail.messageId ?? null}, sent_at = ${sentAt}
      WHERE id = ${delivery.id}`);
    return "sent";
  });
  if (sending === "sent") return "sent";
  if (sending === "deferred") {
    await db.$executeRaw`
      UPDATE alert_delivery SET status = 'pending', locked_until = NULL, attempts = attempts - 1 WHERE id = ${delivery.id} AND status = 'sending'`;
    return "deferred";
  }
  const failure = classifySendError(sending.error);
  if (failure.kind === "temporary") return retryLater(db, delivery, clock(), failure.message, context.random);
  await db.$executeRaw`
    WITH suppressed AS (
      UPDATE "user" SET suppressed_at = ${clock()}, suppressed_reason = ${failure.message}
      WHERE id = ${delivery.user_id} AND suppressed_at IS NULL
    )
    UPDATE alert_delivery SET status = 'failed', locked_until = NULL, last_error = ${failure.message} WHERE id = ${delivery.id}`;
  return "failed";
}

async function untilRecorded(recordBy: number, record: () => Promise<unknown>): Promise<void> {
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      await record();
      return;
    } catch (error) {
      if (Date.now() + waitMs > recordBy) throw new UnrecordedSendError(error instanceof Error ? error.message : String(error), { cause: error });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
