import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDue, type DeliverResult } from "@/lib/alerts/deliver";
import { matchNewPostings } from "@/lib/alerts/match";
import { scheduleDeliveries } from "@/lib/alerts/schedule";
import { createSmtpTransport, type MailTransport } from "@/lib/alerts/transport";
import { postingFilterSchema } from "@/lib/search/schemas";
import { createSearch, createUser, ingest } from "@/tests/integration/alerts/alert-fixtures";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { startFaultSmtp, type FaultSmtpServer } from "./fault-smtp";
import { recordResilience } from "./summary";

const SITE = "https://mlradar.example";
const options = { siteUrl: SITE, secret: "resilience-secret-".padEnd(48, "x"), random: () => 0.5 };
const T0 = new Date("2026-11-26T15:16:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const TEMPORARY_450 = "busy@example.test";
const TEMPORARY_421 = "closing@example.test";
const HANGING = "hang@example.test";
const BOUNCING = "gone@example.test";
const HEALTHY = ["ok-1@example.test", "ok-2@example.test", "ok-3@example.test", "ok-4@example.test"];

describe("alert delivery through a faulty SMTP server", () => {
  const database = setupTestDatabase();
  let smtp: FaultSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startFaultSmtp();
    // A 2 s timeout stands in for the 30 s default: a server that never answers is a temporary failure either way.
    transport = createSmtpTransport(smtp.url, "mlradar <alerts@mlradar.example>", { timeoutSeconds: 2 });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });

  async function newPostingsAt(now: Date, label: string) {
    const ids = await ingest(database.db, [makePosting({ externalId: `${label}-a` }), makePosting({ externalId: `${label}-b`, companyName: "Vectorly" })], now);
    await matchNewPostings(database.db, ids, now);
    return scheduleDeliveries(database.db, now);
  }

  it("retries 421, 450 and a hang with backoff, suppresses a 550, and delivers every due alert exactly once after an outage", async () => {
    const { db } = database;
    for (const email of [TEMPORARY_450, TEMPORARY_421, HANGING, BOUNCING, ...HEALTHY]) {
      await createSearch(db, await createUser(db, email), postingFilterSchema.parse({}), { frequency: "instant", name: `Everything for ${email}` });
    }
    let faults = 0;
    smtp.answerRecipient((address, attempt) => {
      if (address === BOUNCING) return faults++, { code: 550, message: "5.1.1 No such mailbox" };
      if (address === TEMPORARY_450 && attempt <= 2) return faults++, { code: 450, message: "4.2.1 Mailbox busy, try later" };
      return "accept";
    });
    smtp.answerData((address, attempt) => {
      if (address === TEMPORARY_421 && attempt === 1) return faults++, { code: 421, message: "4.3.2 Service shutting down" };
      if (address === HANGING && attempt === 1) return faults++, "hang";
      return "accept";
    });

    // First window: the healthy addresses get their alert at once; the others fail as designed.
    await newPostingsAt(T0, "first");
    const passes: { now: Date; result: DeliverResult }[] = [];
    const pass = async (now: Date) => {
      const result = await deliverDue(db, transport, now, options);
      passes.push({ now, result });
      return result;
    };
    const started = Date.now();
    expect(await pass(T0)).toMatchObject({ sent: HEALTHY.length, retried: 3, failed: 1 });
    const took = Date.now() - started;
    const retrying = await db.alertDelivery.findMany({ where: { status: "pending" }, select: { toEmail: true, nextAttemptAt: true, lastError: true } });
    expect(retrying.map((row) => row.toEmail).sort()).toEqual([TEMPORARY_421, HANGING, TEMPORARY_450].sort());
    for (const row of retrying) {
      // Backoff: the first retry waits 45 s (1 minute, half of it jittered at 0.5), not the next pass,
      // counted from when that send failed (the pass's T0 moved on by the time it had taken then).
      const wait = row.nextAttemptAt.getTime() - T0.getTime();
      expect(wait).toBeGreaterThanOrEqual(45_000);
      expect(wait).toBeLessThanOrEqual(45_000 + took);
      expect(row.lastError).toBeTruthy();
    }
    // Not yet due: a pass before the backoff sends nothing.
    expect(await pass(new Date(T0.getTime() + 30_000))).toMatchObject({ sent: 0, retried: 0 });
    const bounced = await db.user.findUniqueOrThrow({ where: { email: BOUNCING } });
    expect(bounced.suppressedAt).not.toBeNull();
    expect(bounced.suppressedReason).toMatch(/550|No such mailbox/);

    // The server goes away (port closed) for a while, with new alerts due meanwhile.
    await smtp.stop();
    const secondWindow = await newPostingsAt(at(30), "second");
    let outageFailures = 0;
    for (const minutes of [30, 35, 45, 60]) {
      const result = await pass(at(minutes));
      expect(result.sent).toBe(0);
      outageFailures += result.retried;
    }
    faults += outageFailures;
    expect(outageFailures).toBeGreaterThan(0);

    // Back on the same port: every due alert goes out, once.
    await smtp.start();
    for (let minutes = 90; minutes <= 24 * 60; minutes *= 2) await pass(at(minutes));

    const deliveries = await db.alertDelivery.findMany({ select: { id: true, toEmail: true, status: true, messageId: true, attempts: true } });
    const copies = smtp.copies();
    const sent = deliveries.filter((delivery) => delivery.status === "sent");
    const lost = sent.filter((delivery) => !copies.has(delivery.messageId ?? "")).length + deliveries.filter((d) => d.status === "pending" || d.status === "sending").length;
    const duplicates = [...copies.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const survived =
      lost === 0 &&
      duplicates === 0 &&
      sent.length === deliveries.length - 1 &&
      copies.size === sent.length &&
      !smtp.received.some((message) => message.to.includes(BOUNCING));
    recordResilience({
      scenario: "smtp-faults",
      runs: passes.length,
      faultsInjected: faults,
      survived,
      lost,
      duplicates,
      notes:
        `450 twice, 421 once, a hang once, 550 always, then the port closed for 4 passes (${outageFailures} refused sends); ` +
        `${sent.length} alerts delivered, ${copies.size} distinct Message-IDs received, most attempts ${Math.max(...deliveries.map((d) => d.attempts))}`,
    });

    // Each delivery that is due went out, exactly once by Message-ID.
    expect(deliveries.filter((delivery) => delivery.status !== "sent")).toEqual([
      expect.objectContaining({ toEmail: BOUNCING, status: "failed" }),
    ]);
    for (const delivery of sent) expect(copies.get(delivery.messageId!), delivery.toEmail).toBe(1);
    expect(copies.size).toBe(sent.length);
    expect(duplicates).toBe(0);
    // Two windows for everyone but the suppressed address, which got nothing after its 550.
    expect(secondWindow.deliveries).toBe(HEALTHY.length + 3);
    expect(sent).toHaveLength(2 * (HEALTHY.length + 3));
    expect(smtp.received.filter((message) => message.to.includes(BOUNCING))).toHaveLength(0);
    // The 450 address was tried more than once before it went through.
    expect(deliveries.find((delivery) => delivery.toEmail === TEMPORARY_450 && delivery.attempts >= 3)).toBeDefined();
  });
});
