import "server-only";
import { Gauge, Registry } from "prom-client";
import type { Db } from "@/lib/db";
import { queueBacklog } from "@/lib/worker/job-queue";
import { countAlertDeliveriesByStatus, countPostingsByState, countScrapeRunsByStatus, getLastSuccessfulScrape } from "./queries";

/**
 * Every figure is read from the database at scrape time, so any web process answers for the whole
 * deployment (in-process counters would only know their own process).
 */
export async function renderMetrics(db: Db, now = new Date()): Promise<{ body: string; contentType: string }> {
  const [runs, postings, deliveries, queue, lastSuccess] = await Promise.all([
    countScrapeRunsByStatus(db),
    countPostingsByState(db),
    countAlertDeliveriesByStatus(db),
    queueBacklog(db),
    getLastSuccessfulScrape(db),
  ]);
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const scrapeRuns = gauge("mlradar_scrape_runs", "Scrape runs recorded, by status.", ["status"]);
  for (const status of ["running", "succeeded", "failed"]) scrapeRuns.set({ status }, runs.find((r) => r.status === status)?.count ?? 0);

  const postingGauge = gauge("mlradar_postings", "Postings, by state.", ["state"]);
  postingGauge.set({ state: "open" }, postings.open);
  postingGauge.set({ state: "closed" }, postings.closed);

  const alertGauge = gauge("mlradar_alert_deliveries", "Alert emails in the outbox, by status.", ["status"]);
  for (const status of ["pending", "sending", "sent", "failed", "suppressed"]) {
    alertGauge.set({ status }, deliveries.find((d) => d.status === status)?.count ?? 0);
  }

  const queueGauge = gauge("mlradar_queue_jobs", "Background jobs, by state (ready = due and waiting for a worker).", ["state"]);
  if (queue) for (const [state, count] of Object.entries(queue)) queueGauge.set({ state }, count);

  const age = gauge("mlradar_last_successful_scrape_age_seconds", "Seconds since the most recent successful scrape of any enabled source.");
  if (lastSuccess) age.set((now.getTime() - lastSuccess.getTime()) / 1000);

  return { body: await registry.metrics(), contentType: registry.contentType };
}
