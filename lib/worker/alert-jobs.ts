import type { Db } from "@/lib/db";

/**
 * The alert functions the worker schedules. lib/alerts (accounts and alerts, in progress) will export
 * matchNewPostings, scheduleDeliveries and deliverDue; until it does, `pendingAlertJobs` fails every
 * alert job loudly (the failure shows under "Failed jobs" in /admin) instead of silently doing nothing.
 */
export interface AlertJobs {
  matchNewPostings(db: Db, postingIds: number[], now: Date): Promise<unknown>;
  scheduleDeliveries(db: Db, now: Date): Promise<unknown>;
  deliverDue(db: Db, now: Date): Promise<unknown>;
}

export class AlertJobsUnavailableError extends Error {
  constructor(name: string) {
    super(`${name} is not available yet: lib/alerts has not landed, so alert jobs cannot run (see lib/worker/alert-jobs.ts)`);
    this.name = "AlertJobsUnavailableError";
  }
}

export const pendingAlertJobs: AlertJobs = {
  async matchNewPostings() {
    throw new AlertJobsUnavailableError("matchNewPostings");
  },
  async scheduleDeliveries() {
    throw new AlertJobsUnavailableError("scheduleDeliveries");
  },
  async deliverDue() {
    throw new AlertJobsUnavailableError("deliverDue");
  },
};
