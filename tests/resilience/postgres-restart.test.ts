import { exec } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport, type MailTransport } from "@/lib/alerts/transport";
import { postingFilterSchema } from "@/lib/search/schemas";
import { alertJobs } from "@/lib/worker/alert-jobs";
import { TASK, ensureQueueSchema } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import type { WorkerHandle } from "@/lib/worker/start-worker";
import { createSearch, createUser } from "@/tests/integration/alerts/alert-fixtures";
import { addJob, startTestWorker, waitFor } from "@/tests/integration/worker/worker-harness";
import { startFixtureServer, type FixtureServer } from "@/tests/helpers/fixture-server";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { jobsPage } from "./career-pages";
import { startFaultSmtp, type FaultSmtpServer } from "./fault-smtp";
import { recordResilience } from "./summary";

/**
 * Restarts the PostgreSQL server under a working worker. Only meaningful on a real server: restarting it
 * cuts every connection on the machine, so `npm run test:resilience` runs its files one at a time and CI
 * runs it after the other suites. RESILIENCE_PG_RESTART is the command (default: the Debian cluster's
 * `pg_ctlcluster --skip-systemctl-redirect <version> main restart`); point it at a private cluster to try it.
 */
const database = process.env.DATABASE_URL;
const skipReason = database ? undefined : "postgres-restart: skipped: DATABASE_URL is unset (the embedded database has no server to restart)";
if (skipReason) console.log(skipReason);

function restartCommand(): string {
  if (process.env.RESILIENCE_PG_RESTART) return process.env.RESILIENCE_PG_RESTART;
  const version = readdirSync("/etc/postgresql")[0];
  return `pg_ctlcluster --skip-systemctl-redirect ${version} main restart`;
}

const run = promisify(exec);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!database)("PostgreSQL restarted under the worker", () => {
  const test = setupTestDatabase();
  const sites: { server: FixtureServer; sourceId: number; hits: number }[] = [];
  let smtp: FaultSmtpServer;
  let transport: MailTransport;
  let worker: WorkerHandle;
  const figures = { restarts: 0, workerRestarts: 0, lost: 0, duplicates: 0, notes: [] as string[], survived: true };

  /** Asynchronous: the worker shares this process and keeps running (and failing) while the server restarts. */
  async function restart(): Promise<number> {
    const started = Date.now();
    await run(restartCommand(), { timeout: 60_000 });
    figures.restarts++;
    return Date.now() - started;
  }

  beforeAll(async () => {
    await ensureQueueSchema(test.url);
    smtp = await startFaultSmtp();
    smtp.delayAcceptMs(300);
    transport = createSmtpTransport(smtp.url, "mlradar <alerts@mlradar.example>", { timeoutSeconds: 5 });
    for (let index = 0; index < 3; index++) {
      const server = await startFixtureServer();
      const site = { server, sourceId: 0, hits: 0 };
      const body = jobsPage([0, 1].map((job) => ({ id: `pg-${index}-${job}`, company: `Restartco ${index}` })));
      server.route("/careers", async (_request, response) => {
        site.hits++;
        await sleep(index === 0 ? 2_000 : 500);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
      });
      site.sourceId = (await test.db.source.create({ data: { kind: "jsonld", token: `${server.url}/careers` } })).id;
      sites.push(site);
    }
    const alerts = alertJobs({
      transport: () => transport,
      // A 5 s claim instead of 5 minutes: a send cut off by the restart is taken again within the test.
      deliver: { siteUrl: "https://mlradar.example", secret: "resilience-pg-secret-".padEnd(48, "x"), leaseMs: 5_000 },
    });
    await supervise(() => startTestWorker(test, { alerts, leaseMs: 10_000 }));
  });

  /**
   * What a process manager does for scripts/worker.ts: a worker that fails fatally (done rejects) is
   * replaced by a fresh one. The lease of the job it held is aged past expiry, as waiting would.
   */
  async function supervise(start: () => Promise<WorkerHandle>): Promise<void> {
    worker = await start();
    const current = worker;
    current.done.catch(async () => {
      figures.workerRestarts++;
      await current.stop().catch(() => undefined);
      await waitFor(async () => {
        const aged = await test.db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = locked_at - interval '1 hour' WHERE locked_at IS NOT NULL`.then(() => true, () => false);
        return aged && (await test.db.$executeRaw`UPDATE graphile_worker._private_job_queues SET locked_at = locked_at - interval '1 hour' WHERE locked_at IS NOT NULL`.then(() => true, () => false));
      }, 60_000, "the database to be back");
      await supervise(start);
    });
  }
  afterAll(async () => {
    await worker?.stop();
    transport?.close();
    await smtp?.close();
    await Promise.all(sites.map((site) => site.server.close()));
    recordResilience({
      scenario: "postgres-restart",
      runs: 2,
      faultsInjected: figures.restarts,
      survived: figures.survived,
      lost: figures.lost,
      duplicates: figures.duplicates,
      notes: figures.notes.join("; "),
    });
  });

  it("during a scrape: the worker recovers, the scrape reruns, no posting is duplicated", async () => {
    const { db } = test;
    // Two scrapes have their page and are writing when the server goes down; one is still fetching.
    let restarting: Promise<number> | undefined;
    for (const site of sites.slice(1)) {
      site.server.route("/careers", async (_request, response) => {
        site.hits++;
        await sleep(500);
        response.on("finish", () => void (restarting ??= restart()));
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(jobsPage([0, 1].map((job) => ({ id: `pg-${sites.indexOf(site)}-${job}`, company: `Restartco ${sites.indexOf(site)}` }))));
      });
    }
    for (const site of sites) await requestScrapeNow(db, site.sourceId, new Date());
    await waitFor(async () => restarting !== undefined, 60_000, "a scrape to have its page");
    const restartMs = await restarting!;
    const succeeded = await waitFor(
      async () => {
        const done = await db.scrapeRun.groupBy({ by: ["sourceId"], where: { status: "succeeded" } }).catch(() => []);
        return done.length === sites.length && done;
      },
      120_000,
      "every source to have a successful run after the restart",
    ).catch(() => []);
    const postings = await db.posting.count();
    const sightings = await db.sighting.count();
    const runs = await db.scrapeRun.findMany({ select: { status: true, errorReason: true } });
    const lost = Math.max(0, 2 * sites.length - postings) + (sites.length - succeeded.length);
    const duplicates = Math.max(0, postings - 2 * sites.length) + (sightings - postings);
    figures.lost += lost;
    figures.duplicates += duplicates;
    figures.survived &&= lost === 0 && duplicates === 0;
    figures.notes.push(
      `scrape: restart took ${restartMs} ms; ${runs.length} runs (${runs.filter((run) => run.status === "failed").length} failed by the restart), ${postings} postings, ${figures.workerRestarts} worker restarts`,
    );
    expect(succeeded).toHaveLength(sites.length);
    expect(postings).toBe(2 * sites.length);
    expect(sightings).toBe(postings);
  });

  it("during alert sending: every alert arrives exactly once", async () => {
    const { db } = test;
    const searches = 12;
    for (let i = 0; i < searches; i++) {
      await createSearch(db, await createUser(db, `pg-reader-${i}@example.test`), postingFilterSchema.parse({}), { frequency: "instant" });
    }
    // New postings for the new searches: a second slot of one source adds a posting.
    sites[0]!.server.route("/careers", async (_request, response) => {
      await sleep(200);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        jobsPage([0, 1, 2].map((job) => ({ id: `pg-0-${job}`, company: "Restartco 0" }))),
      );
    });
    await requestScrapeNow(db, sites[0]!.sourceId, new Date(Date.now() + 1_000));
    await waitFor(async () => smtp.received.length > 0, 60_000, "the first alert");
    const restartMs = await restart();
    // The minute tick would enqueue delivery again; the test worker has no cron, so the test is the tick.
    const settled = await waitFor(
      async () => {
        await addJob(db, TASK.deliverAlerts).catch(() => undefined);
        const unsent = await db.alertDelivery.count({ where: { status: { not: "sent" } } }).catch(() => -1);
        const total = await db.alertDelivery.count().catch(() => 0);
        await sleep(1_000);
        return unsent === 0 && total === searches;
      },
      120_000,
      "every alert to be sent",
    ).catch(() => false);
    const deliveries = await db.alertDelivery.findMany({ select: { status: true, messageId: true } });
    const copies = smtp.copies();
    const lost = deliveries.filter((delivery) => delivery.status !== "sent" || !copies.has(delivery.messageId ?? "")).length + (searches - deliveries.length);
    const duplicates = [...copies.values()].reduce((sum, count) => sum + count - 1, 0);
    figures.lost += lost;
    figures.duplicates += duplicates;
    figures.survived &&= settled && lost === 0 && duplicates === 0;
    figures.notes.push(`alerts: restart took ${restartMs} ms; ${deliveries.length} alerts, ${copies.size} Message-IDs received, ${duplicates} duplicates`);
    expect(settled).toBe(true);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
  });
});
