import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport, type MailTransport } from "@/lib/alerts/transport";
import { postingFilterSchema } from "@/lib/search/schemas";
import { alertJobs } from "@/lib/worker/alert-jobs";
import { TASK } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import type { WorkerHandle } from "@/lib/worker/start-worker";
import { createSearch, createUser } from "@/tests/integration/alerts/alert-fixtures";
import { startSmtpCapture, type SmtpCapture } from "@/tests/integration/alerts/smtp-capture";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { addCareerSource, addJob, jobsOf, startCareerSite, startTestWorker, waitFor, type CareerSite } from "./worker-harness";

describe("alert jobs on two workers", () => {
  const database = setupTestDatabase();
  let site: CareerSite;
  let smtp: SmtpCapture;
  let transport: MailTransport;
  const workers: WorkerHandle[] = [];

  beforeAll(async () => {
    site = await startCareerSite();
    smtp = await startSmtpCapture();
    transport = createSmtpTransport(smtp.url, "mlradar <alerts@mlradar.example>");
    const alerts = alertJobs({
      transport: () => transport,
      deliver: { siteUrl: "https://mlradar.example", secret: "worker-test-secret-".padEnd(48, "x") },
    });
    for (let i = 0; i < 2; i++) workers.push(await startTestWorker(database, { alerts }));
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    transport.close();
    await smtp.close();
    await site.close();
  });

  it("match a new posting after its scrape and email it once, however often the alert jobs run", async () => {
    const { db } = database;
    const user = await createUser(db, "ada@example.test");
    await createSearch(db, user, postingFilterSchema.parse({}), { frequency: "instant", name: "Everything" });
    const source = await addCareerSource(db, site.page("alerts"));
    await requestScrapeNow(db, source.id, new Date());

    await smtp.waitFor(1, 30_000);
    // Both workers run the delivery ticks again, several times, at once.
    for (let tick = 0; tick < 3; tick++) {
      await addJob(db, TASK.scheduleDeliveries);
      await addJob(db, TASK.deliverAlerts);
    }
    await waitFor(async () => (await jobsOf(db, TASK.scheduleDeliveries)).length + (await jobsOf(db, TASK.deliverAlerts)).length === 0, 15_000, "idle queue");

    expect(smtp.received()).toBe(1);
    expect(smtp.messages[0]!.to).toEqual(["ada@example.test"]);
    expect(smtp.messages[0]!.parsed.text).toContain("Senior Machine Learning Engineer");
    expect(await db.alertDelivery.count({ where: { status: "sent" } })).toBe(1);
  });
});
