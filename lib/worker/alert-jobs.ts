import type { Db } from "@/lib/db";
import { deliverDue, type DeliverOptions } from "@/lib/alerts/deliver";
import { matchNewPostings } from "@/lib/alerts/match";
import { scheduleDeliveries } from "@/lib/alerts/schedule";
import { getMailTransport, type MailTransport } from "@/lib/alerts/transport";

/** The alert functions the worker schedules (lib/alerts), with the process's mail transport bound. */
export interface AlertJobs {
  matchNewPostings(db: Db, postingIds: number[], now: Date): Promise<unknown>;
  scheduleDeliveries(db: Db, now: Date): Promise<unknown>;
  deliverDue(db: Db, now: Date): Promise<unknown>;
}

export function alertJobs(options: { transport?: () => MailTransport; deliver?: DeliverOptions } = {}): AlertJobs {
  const transport = options.transport ?? getMailTransport;
  return {
    matchNewPostings: (db, postingIds, now) => matchNewPostings(db, postingIds, now),
    scheduleDeliveries: (db, now) => scheduleDeliveries(db, now),
    deliverDue: (db, now) => deliverDue(db, transport(), now, options.deliver),
  };
}
