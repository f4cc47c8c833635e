import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDue } from "@/lib/alerts/deliver";
import { matchNewPostings } from "@/lib/alerts/match";
import { scheduleDeliveries } from "@/lib/alerts/schedule";
import { createSmtpTransport, type MailTransport } from "@/lib/alerts/transport";
import { listPostings } from "@/lib/search/listing";
import type { PostingFilter } from "@/lib/search/schemas";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { createSearch, createUser, ingest } from "./alert-fixtures";
import { startSmtpCapture, type SmtpCapture } from "./smtp-capture";

const SITE = "https://mlradar.example";
const SECRET = "alert-secret-".padEnd(48, "x");
const options = { siteUrl: SITE, secret: SECRET, random: () => 0.5 };
let smtp: SmtpCapture;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  transport = createSmtpTransport(smtp.url, "mlradar <alerts@mlradar.example>");
});
const database = setupTestDatabase();
afterAll(async () => {
  transport.close();
  await smtp.close();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.answerRecipient(() => null);
  smtp.answerData(() => null);
  await database.db.$executeRaw`TRUNCATE "user", posting, company, source CASCADE`;
});

const T0 = new Date("2026-11-26T15:16:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** Everything after an ingest: match, schedule, deliver. */
async function pipeline(ids: number[], now: Date) {
  const matched = await matchNewPostings(database.db, ids, now);
  const scheduled = await scheduleDeliveries(database.db, now);
  const delivered = await deliverDue(database.db, transport, now, options);
  return { matched, scheduled, delivered };
}

describe("alerts from ingest to inbox", () => {
  it("emails a new matching posting once, with its details, both parts and one-line list headers", async () => {
    const user = await createUser(database.db, "ada@example.test");
    const search = await createSearch(database.db, user, { level: ["staff"], remote: ["remote"], skills: ["vllm"] }, { name: "Remote staff roles" });
    const ids = await ingest(
      database.db,
      [
        makePosting({
          externalId: "s1",
          title: "Staff ML Engineer, Inference",
          companyName: "Vectorly",
          roleFit: { family: "inference_serving", level: "staff", fit: true, score: 0.95, reasons: ["staff title"] },
          salary: { text: "$250k-$300k", min: 250000, max: 300000, currency: "USD", interval: "year", annualUsdMin: 250000, annualUsdMax: 300000 },
          locations: [{ raw: "Remote (US)", country: "US" }],
          skills: ["python", "pytorch", "cuda", "kubernetes", "ray", "vllm"],
        }),
        makePosting({ externalId: "s2", title: "Senior ML Engineer", roleFit: { family: "ml_engineering", level: "senior", fit: true, score: 0.9, reasons: [] } }),
      ],
      T0,
    );
    const first = await pipeline(ids, T0);
    expect(first.matched).toMatchObject({ distinctFilters: 1, matched: 1 });
    expect(first.delivered).toMatchObject({ sent: 1 });

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(["ada@example.test"]);
    expect(mail!.parsed.subject).toBe("1 new role for “Remote staff roles”: Staff ML Engineer, Inference at Vectorly");
    for (const part of [mail!.parsed.text!, mail!.parsed.html as string]) {
      expect(part).toContain("Staff ML Engineer, Inference");
      expect(part).toContain("Vectorly");
      expect(part).toContain("Remote (US)");
      expect(part).toContain("$250K – $300K");
      expect(part).toContain("Staff");
      expect(part).toContain(`${SITE}/jobs/`);
      expect(part).toContain(`${SITE}/account/searches`);
      // The search's own skill leads the posting's top skills.
      expect(part).toContain("Skills: vLLM, Python, PyTorch, CUDA, Kubernetes");
      expect(part).toContain("Why it fits: staff title");
    }
    expect(mail!.parsed.text).not.toContain("Senior ML Engineer");
    const delivery = await database.db.alertDelivery.findFirstOrThrow({ where: { savedSearchId: search } });
    expect(mail!.parsed.messageId).toBe(`<alert-${delivery.id}@mlradar.example>`);

    const headerLines = mail!.raw.split("\r\n\r\n")[0]!.split("\r\n");
    const unsubscribe = headerLines.filter((line) => line.startsWith("List-Unsubscribe:"));
    expect(unsubscribe).toHaveLength(1);
    expect(unsubscribe[0]).toMatch(new RegExp(`^List-Unsubscribe: <${SITE}/unsubscribe/${search}\\.[A-Za-z0-9_-]{43}>$`));
    const index = headerLines.indexOf(unsubscribe[0]!);
    expect(headerLines[index + 1]).not.toMatch(/^\s/);
    expect(headerLines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // Matching, scheduling and sending again (even in a later window) sends nothing new.
    const again = await pipeline(ids, minutes(20));
    expect(again.matched.matched).toBe(0);
    expect(again.delivered.sent).toBe(0);
    expect(smtp.messages).toHaveLength(1);
  });

  it("matches with the listing page's semantics", async () => {
    const user = await createUser(database.db, "grace@example.test");
    const filters: PostingFilter[] = [
      { q: "inference" },
      { level: ["senior"], remote: ["remote"] },
      { location: "DE" },
      { eligible: "DE" },
      { salaryMin: 200000 },
      { salaryMin: 200000, withoutSalary: true },
      { skills: ["pytorch"] },
      { company: ["vectorly"] },
      { family: ["data_science"] },
      { adjacent: true, level: ["staff"] },
      { posted: "24h" },
      { source: ["greenhouse"] },
      { visa: true },
    ];
    const searches = await Promise.all(filters.map((filter) => createSearch(database.db, user, filter)));
    const old = await ingest(database.db, [makePosting({ externalId: "old", title: "Senior ML Engineer (old)" })], minutes(-60 * 24 * 3));
    const postings = [
      makePosting({ externalId: "a", title: "Senior Inference Engineer", companyName: "Vectorly", skills: ["pytorch", "triton"], sponsorsVisa: true }),
      makePosting({ externalId: "b", title: "Staff ML Engineer", roleFit: { family: "ml_infrastructure", level: "staff", fit: true, score: 0.8, reasons: [] }, remote: "onsite", remoteRegions: [], countries: ["DE"], cities: ["Berlin"], locations: [{ raw: "Berlin", city: "Berlin", country: "DE" }], skills: ["jax"], sponsorsVisa: false }),
      makePosting({ externalId: "c", title: "Senior Data Scientist", roleFit: { family: "data_science", level: "senior", fit: false, score: 0.4, reasons: [] }, salary: { text: "€90k", min: 90000, max: 90000, currency: "EUR", interval: "year", annualUsdMin: 97000, annualUsdMax: 97000 } }),
      makePosting({ externalId: "d", title: "Principal ML Engineer", roleFit: { family: "ml_engineering", level: "principal", fit: true, score: 0.9, reasons: [] }, remoteRegions: ["EMEA"], countries: [], locations: [{ raw: "Remote (EMEA)" }], salary: { text: "$260k", min: 260000, max: 260000, currency: "USD", interval: "year", annualUsdMin: 260000, annualUsdMax: 260000 } }),
    ];
    const ids = await ingest(database.db, postings, T0);
    await matchNewPostings(database.db, [...ids, ...old], T0);
    for (const [index, filter] of filters.entries()) {
      const listed = await listPostings(database.db, filter, null, { now: T0, pageSize: 100 });
      const expected = listed.items.map((item) => item.id).filter((id) => ids.includes(id) || old.includes(id)).sort();
      const matched = (await database.db.alertMatch.findMany({ where: { savedSearchId: searches[index] } })).map((m) => m.postingId).sort();
      expect(matched, JSON.stringify(filter)).toEqual(expected);
    }
  });

  it("matches identical filters once and fans the hits out to every subscriber", async () => {
    const users = await Promise.all(["a", "b", "c"].map((name) => createUser(database.db, `${name}@example.test`)));
    await createSearch(database.db, users[0]!, { level: ["staff", "senior"], sort: "newest" });
    await createSearch(database.db, users[1]!, { level: ["senior", "staff"], sort: "salary" });
    await createSearch(database.db, users[2]!, { level: ["principal"] });
    const ids = await ingest(database.db, [makePosting({ externalId: "x" })], T0);
    const result = await matchNewPostings(database.db, ids, T0);
    expect(result).toMatchObject({ distinctFilters: 2, matched: 2 });
    const { delivered } = await pipeline([], T0);
    expect(delivered.sent).toBe(2);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(["a@example.test", "b@example.test"]);
  });

  it("stores exactly the missing pairs when matching again after a partial run, with several statements in flight", async () => {
    const user = await createUser(database.db, "kay@example.test");
    const filters: PostingFilter[] = [{}, { level: ["senior"] }, { level: ["staff"] }, { q: "inference" }, { remote: ["remote"] }];
    const searches = await Promise.all(filters.map((filter) => createSearch(database.db, user, filter)));
    const ids = await ingest(
      database.db,
      [
        makePosting({ externalId: "p1", title: "Senior Inference Engineer" }),
        makePosting({ externalId: "p2", title: "Staff ML Engineer", roleFit: { family: "ml_engineering", level: "staff", fit: true, score: 0.8, reasons: [] } }),
        makePosting({ externalId: "p3", title: "Senior ML Engineer", remote: "onsite" }),
      ],
      T0,
    );
    const expected: string[] = [];
    for (const [index, filter] of filters.entries()) {
      const listed = await listPostings(database.db, filter, null, { now: T0, pageSize: 100 });
      for (const item of listed.items) if (ids.includes(item.id)) expected.push(`${searches[index]}:${item.id}`);
    }
    // An earlier attempt (a retried job) stored one pair of the first statement and one of the last.
    const [first, last] = [expected[0]!, expected.at(-1)!].map((pair) => pair.split(":"));
    await database.db.alertMatch.createMany({
      data: [first!, last!].map(([savedSearchId, postingId]) => ({ savedSearchId: savedSearchId!, postingId: Number(postingId) })),
    });

    const result = await matchNewPostings(database.db, ids, T0, { filtersPerStatement: 2, concurrency: 2 });
    expect(result).toMatchObject({ distinctFilters: filters.length, matched: expected.length - 2 });
    const stored = await database.db.alertMatch.findMany({ where: { posting: { id: { in: ids } } } });
    expect(stored.map((m) => `${m.savedSearchId}:${m.postingId}`).sort()).toEqual([...expected].sort());
    expect(await matchNewPostings(database.db, ids, T0, { filtersPerStatement: 2, concurrency: 2 })).toMatchObject({ matched: 0 });
  });

  it("sends nothing to paused searches, unconfirmed or suppressed addresses, or about closed postings", async () => {
    const paused = await createUser(database.db, "paused@example.test");
    await createSearch(database.db, paused, {}, { paused: true });
    const unconfirmed = await createUser(database.db, "new@example.test", { verified: false });
    await createSearch(database.db, unconfirmed, {});
    const suppressed = await createUser(database.db, "gone@example.test");
    await createSearch(database.db, suppressed, {});
    await database.db.user.update({ where: { id: suppressed }, data: { suppressedAt: T0 } });
    const active = await createUser(database.db, "active@example.test");
    const search = await createSearch(database.db, active, {});

    const ids = await ingest(database.db, [makePosting({ externalId: "open" }), makePosting({ externalId: "closing" })], T0);
    await matchNewPostings(database.db, ids, T0);
    await database.db.posting.updateMany({ where: { id: ids[1] }, data: { closedAt: T0 } });
    const { delivered } = await pipeline([], T0);
    expect(delivered.sent).toBe(1);
    expect(smtp.messages.map((m) => m.to[0])).toEqual(["active@example.test"]);
    expect(smtp.messages[0]!.parsed.text).toContain("1 new role");

    // Paused after scheduling, before sending: the pending email is not sent.
    const later = await ingest(database.db, [makePosting({ externalId: "later" })], minutes(15));
    await matchNewPostings(database.db, later, minutes(15));
    await scheduleDeliveries(database.db, minutes(15));
    await database.db.savedSearch.update({ where: { id: search }, data: { paused: true } });
    expect(await deliverDue(database.db, transport, minutes(15), options)).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("never sends an empty digest: a search whose postings all closed gets nothing", async () => {
    const user = await createUser(database.db, "empty@example.test");
    await createSearch(database.db, user, {});
    const ids = await ingest(database.db, [makePosting({ externalId: "gone" })], T0);
    await matchNewPostings(database.db, ids, T0);
    await database.db.posting.updateMany({ data: { closedAt: T0 } });
    expect((await pipeline([], T0)).scheduled.deliveries).toBe(0);
    expect(await database.db.alertDelivery.count()).toBe(0);
  });

  it("batches instant alerts: at most one email per search per 15 minutes", async () => {
    const user = await createUser(database.db, "batch@example.test");
    await createSearch(database.db, user, {});
    await pipeline(await ingest(database.db, [makePosting({ externalId: "1" })], T0), T0);
    await pipeline(await ingest(database.db, [makePosting({ externalId: "2", title: "ML Engineer 2" }), makePosting({ externalId: "3", title: "ML Engineer 3" })], minutes(5)), minutes(5));
    expect(smtp.messages).toHaveLength(1);
    const next = await pipeline([], minutes(14));
    expect(next.delivered.sent).toBe(1);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[1]!.parsed.subject).toMatch(/^2 new roles/);
    const windows = (await database.db.alertDelivery.findMany({ orderBy: { createdAt: "asc" } })).map((d) => d.windowKey);
    expect(windows).toEqual(["instant:2026-11-26T15:15", "instant:2026-11-26T15:30"]);
  });

  it("sends daily digests at the user's local hour with everything new since the last one", async () => {
    const user = await createUser(database.db, "daily@example.test", { timeZone: "Europe/Berlin" });
    // 08:00 in Berlin on 2026-11-27 is 07:00 UTC.
    await createSearch(database.db, user, {}, { frequency: "daily", sendHour: 8, nextSendAt: new Date("2026-11-27T07:00:00Z") });
    const ids = await ingest(database.db, [makePosting({ externalId: "d1", title: "ML Engineer 1" }), makePosting({ externalId: "d2", title: "ML Engineer 2" })], T0);
    await pipeline(ids, T0);
    expect(await pipeline([], new Date("2026-11-27T06:59:00Z"))).toMatchObject({ scheduled: { deliveries: 0 } });
    expect(smtp.messages).toHaveLength(0);
    const due = await pipeline([], new Date("2026-11-27T07:00:30Z"));
    expect(due.delivered.sent).toBe(1);
    expect(smtp.messages[0]!.parsed.subject).toMatch(/^2 new roles/);
    const delivery = await database.db.alertDelivery.findFirstOrThrow();
    expect(delivery.windowKey).toBe("daily:2026-11-27");
    const search = await database.db.savedSearch.findFirstOrThrow();
    expect(search.nextSendAt?.toISOString()).toBe("2026-11-28T07:00:00.000Z");
    // Nothing new by the next morning: no email.
    expect((await pipeline([], new Date("2026-11-28T07:05:00Z"))).scheduled).toMatchObject({ digestsDue: 1, deliveries: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("sends one email when the same digest window is scheduled and sent twice, even concurrently", async () => {
    const user = await createUser(database.db, "twice@example.test");
    await createSearch(database.db, user, {}, { frequency: "daily", nextSendAt: minutes(-1) });
    const ids = await ingest(database.db, [makePosting({ externalId: "t1" })], T0);
    await matchNewPostings(database.db, ids, T0);
    await Promise.all([scheduleDeliveries(database.db, T0), scheduleDeliveries(database.db, T0)]);
    await database.db.savedSearch.updateMany({ data: { nextSendAt: minutes(-1) } });
    await scheduleDeliveries(database.db, T0);
    const results = await Promise.all([deliverDue(database.db, transport, T0, options), deliverDue(database.db, transport, T0, options)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(await database.db.alertDelivery.count()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(1);
  });

  it("retries 421 and 450 answers with backoff until the server recovers, then delivers once", async () => {
    const user = await createUser(database.db, "busy@example.test");
    await createSearch(database.db, user, {});
    let refusals = 0;
    smtp.answerRecipient(() => (refusals < 2 ? (refusals++, { code: 421, message: "Service not available, try later" }) : null));
    smtp.answerData(() => (refusals < 4 ? (refusals++, { code: 450, message: "Mailbox busy" }) : null));
    const { delivered } = await pipeline(await ingest(database.db, [makePosting({ externalId: "r" })], T0), T0);
    expect(delivered).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await database.db.alertDelivery.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(T0.getTime());
    // Not due yet: nothing is tried before the backoff has passed.
    expect(await deliverDue(database.db, transport, T0, options)).toMatchObject({ sent: 0, retried: 0 });
    let now = T0;
    for (let round = 0; round < 8 && smtp.messages.length === 0; round++) {
      now = (await database.db.alertDelivery.findFirstOrThrow()).nextAttemptAt;
      await deliverDue(database.db, transport, now, options);
    }
    expect(refusals).toBe(4);
    expect(smtp.messages).toHaveLength(1);
    const sent = await database.db.alertDelivery.findFirstOrThrow();
    expect(sent).toMatchObject({ status: "sent", lastError: null });
    expect(sent.attempts).toBeGreaterThan(1);
    await deliverDue(database.db, transport, new Date(now.getTime() + 3_600_000), options);
    expect(smtp.messages).toHaveLength(1);
  });

  it("treats 550 as permanent: the address is suppressed and gets nothing more", async () => {
    const user = await createUser(database.db, "nobody@example.test");
    await createSearch(database.db, user, {});
    smtp.answerRecipient((address) => (address === "nobody@example.test" ? { code: 550, message: "No such user here" } : null));
    const { delivered } = await pipeline(await ingest(database.db, [makePosting({ externalId: "p" })], T0), T0);
    expect(delivered).toMatchObject({ sent: 0, failed: 1 });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: user } })).toMatchObject({ suppressedReason: expect.stringContaining("No such user") });
    expect((await database.db.alertDelivery.findFirstOrThrow()).status).toBe("failed");
    smtp.answerRecipient(() => null);
    const later = await pipeline(await ingest(database.db, [makePosting({ externalId: "q" })], minutes(20)), minutes(20));
    expect(later.scheduled.deliveries).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it("resends after a crash between the server's 250 and our commit, with the same Message-ID", async () => {
    const user = await createUser(database.db, "crash@example.test");
    await createSearch(database.db, user, {});
    await matchNewPostings(database.db, await ingest(database.db, [makePosting({ externalId: "c" })], T0), T0);
    await scheduleDeliveries(database.db, T0);
    const crashing: MailTransport = {
      kind: "smtp",
      send: async (mail) => {
        await transport.send(mail);
        throw new Error("process died before recording the send");
      },
      close: () => {},
    };
    await deliverDue(database.db, crashing, T0, options);
    // A sender that died holding the lease: the row is taken again once the lease has expired.
    await database.db.alertDelivery.updateMany({ data: { status: "sending", lockedUntil: minutes(5), nextAttemptAt: minutes(100) } });
    expect((await deliverDue(database.db, transport, minutes(4), options)).sent).toBe(0);
    expect((await deliverDue(database.db, transport, minutes(6), options)).sent).toBe(1);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[0]!.parsed.messageId).toBe(smtp.messages[1]!.parsed.messageId);
  });

  /** A transport standing in for the server: each send takes `sendMs`; it records what was accepted, and when. */
  function slowServer(sendMs: number) {
    const accepted: string[] = [];
    const state = { inFlight: 0, mostInFlight: 0, mostUnrecorded: 0 };
    const server: MailTransport = {
      kind: "smtp",
      send: async (mail) => {
        state.inFlight++;
        state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
        // Everything accepted before this message is committed as sent by now, or a crash here would resend it too.
        const recorded = await database.db.alertDelivery.count({ where: { status: "sent", messageId: { in: accepted } } });
        state.mostUnrecorded = Math.max(state.mostUnrecorded, accepted.length - recorded + 1);
        await new Promise((resolve) => setTimeout(resolve, sendMs));
        accepted.push(mail.messageId!);
        state.inFlight--;
      },
      close: () => {},
    };
    return { server, accepted, state };
  }

  async function dueDeliveries(count: number, label: string) {
    const users = await Promise.all(Array.from({ length: count }, (_, i) => createUser(database.db, `${label}${i}@example.test`)));
    await Promise.all(users.map((user) => createSearch(database.db, user, {}, { name: `Search ${user}` })));
    await matchNewPostings(database.db, await ingest(database.db, [makePosting({ externalId: label })], T0), T0);
    await scheduleDeliveries(database.db, T0);
  }

  it("hands the server one message at a time, each committed as sent before the next, even from two calls at once", async () => {
    await dueDeliveries(24, "gate");
    const { server, accepted, state } = slowServer(5);
    // Two calls in one process, as when the worker runs a second deliver-alerts job beside the first.
    const results = await Promise.all([
      deliverDue(database.db, server, T0, { ...options, concurrency: 8, batchSize: 6 }),
      deliverDue(database.db, server, T0, { ...options, concurrency: 8, batchSize: 6 }),
    ]);
    expect(results[0]!.sent + results[1]!.sent).toBe(24);
    expect(results[0]!.sent).toBeGreaterThan(0);
    expect(results[1]!.sent).toBeGreaterThan(0);
    expect(new Set(accepted).size).toBe(24);
    // A process killed at any moment has at most one message accepted and not recorded: at most one copy resent.
    expect(state.mostInFlight).toBe(1);
    expect(state.mostUnrecorded).toBe(1);
  });

  it("gives a claimed delivery back unsent when its turn to send comes late in its claim, without counting an attempt", async () => {
    await dueDeliveries(10, "late");
    const { server, accepted } = slowServer(200);
    // A 4 s claim: sends may start up to 1 s into it, so about five of the ten go out and the others wait too long.
    // (A 2 s claim left 0.5 s, which a loaded machine could spend before the first send, so no pass sent any.)
    const deliver = () => deliverDue(database.db, server, T0, { ...options, concurrency: 8, leaseMs: 4_000 });
    const first = await deliver();
    expect(first.deferred).toBeGreaterThan(0);
    expect(first.sent + first.deferred).toBe(10);
    expect(accepted).toHaveLength(first.sent);
    // Given back as they were, for the next pass: pending, due, no attempt counted.
    const givenBack = await database.db.alertDelivery.findMany({ where: { status: { not: "sent" } }, select: { status: true, attempts: true, lockedUntil: true } });
    expect(givenBack).toEqual(Array(first.deferred).fill({ status: "pending", attempts: 0, lockedUntil: null }));
    for (let pass = 0; pass < 10 && (await database.db.alertDelivery.count({ where: { status: { not: "sent" } } })) > 0; pass++) await deliver();
    expect(new Set(accepted).size).toBe(10);
    expect(accepted).toHaveLength(10);
    const rows = await database.db.alertDelivery.findMany({ select: { status: true, attempts: true } });
    expect(rows).toEqual(Array(10).fill({ status: "sent", attempts: 1 }));
  });

  it("leases each batch from when it is claimed, however long the call has run", async () => {
    await dueDeliveries(24, "long");
    const { server, accepted } = slowServer(100);
    // A 2 s claim and batches of 2: this call runs past its first lease while it works through the backlog.
    const lease = { ...options, concurrency: 2, batchSize: 2, leaseMs: 2_000 };
    let firstDone = false;
    const first = deliverDue(database.db, server, T0, lease).finally(() => (firstDone = true));
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(firstDone).toBe(false);
    // A second job starts now: the rows the first one claimed a moment ago are not its to take.
    const second = deliverDue(database.db, server, new Date(T0.getTime() + 2_200), lease);
    const results = await Promise.all([first, second]);
    expect(results[0]!.sent + results[1]!.sent).toBe(24);
    expect(accepted).toHaveLength(24);
  });

  it("records each message as sent when it was, not when the call began", async () => {
    await dueDeliveries(12, "when");
    const { server } = slowServer(100);
    await deliverDue(database.db, server, T0, { ...options, concurrency: 2, batchSize: 4 });
    // 12 messages at 100 ms, handed to the server one at a time: the last went out about 1.1 s after the first.
    const sent = (await database.db.alertDelivery.findMany({ select: { sentAt: true } })).map((row) => row.sentAt!.getTime()).sort((a, b) => a - b);
    expect(sent).toHaveLength(12);
    expect(sent[0]).toBeGreaterThanOrEqual(T0.getTime());
    expect(sent[11]! - sent[0]!).toBeGreaterThan(300);
    // Stamped when the server took each one, not when its turn began: no two share a send's 100 ms.
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(50);
  });

  it("lists at most 10 roles, at most 3 per company, and links to all of them", async () => {
    const user = await createUser(database.db, "many@example.test");
    await createSearch(database.db, user, {});
    const postings = Array.from({ length: 14 }, (_, i) =>
      makePosting({
        externalId: `m${i}`,
        title: `ML Engineer ${i}`,
        companyName: i < 6 ? "Bigco" : `Company ${i}`,
        roleFit: { family: "ml_engineering", level: "senior", fit: true, score: i < 6 ? 0.99 : 0.5, reasons: [] },
      }),
    );
    await pipeline(await ingest(database.db, postings, T0), T0);
    const [mail] = await smtp.waitFor(1);
    const text = mail!.parsed.text!;
    expect(text.match(/ML Engineer \d+/g)).toHaveLength(10);
    expect(text.match(/Bigco/g)).toHaveLength(3);
    expect(text).toMatch(/and 4 more roles/);
    expect(text).toMatch(new RegExp(`${SITE}/alerts/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}`));
    expect(mail!.parsed.subject).toMatch(/^14 new roles for “Test search”: ML Engineer [0-5] at Bigco and 13 more$/);
  });

  it("sends a large batch over a few pooled SMTP connections", async () => {
    const users = await Promise.all(Array.from({ length: 120 }, (_, i) => createUser(database.db, `fast${i}@example.test`)));
    await Promise.all(users.map((user) => createSearch(database.db, user, {}, { name: `Search ${user}` })));
    await matchNewPostings(database.db, await ingest(database.db, [makePosting({ externalId: "f" })], T0), T0);
    await scheduleDeliveries(database.db, T0);
    const sink = await startSmtpCapture({ parse: false });
    const pooled = createSmtpTransport(sink.url, "mlradar <alerts@mlradar.example>", { maxConnections: 5 });
    try {
      // Messages per second are a benchmark figure (npm run bench -- alerts); here: all sent, connections reused.
      const result = await deliverDue(database.db, pooled, T0, options);
      expect(result.sent).toBe(120);
      expect(sink.received()).toBe(120);
      expect(sink.connections()).toBeLessThanOrEqual(5);
      expect(await database.db.alertDelivery.count({ where: { status: "sent" } })).toBe(120);
    } finally {
      pooled.close();
      await sink.close();
    }
  });
});
