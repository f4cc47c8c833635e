import "server-only";
import type { Db } from "@/lib/db";

/** Runs drawn in each source's history chart. */
export const HISTORY_RUNS = 20;

export async function listAdminSources(db: Db) {
  return db.source.findMany({
    orderBy: [{ kind: "asc" }, { token: "asc" }],
    select: {
      id: true,
      kind: true,
      token: true,
      enabled: true,
      disabledReason: true,
      schedule: true,
      nextRunAt: true,
      consecutiveFailures: true,
      lastSuccessAt: true,
      company: { select: { name: true } },
      runs: {
        orderBy: { startedAt: "desc" },
        take: HISTORY_RUNS,
        select: {
          id: true,
          status: true,
          startedAt: true,
          finishedAt: true,
          fetchedCount: true,
          newCount: true,
          updatedCount: true,
          closedCount: true,
          errorKind: true,
          errorReason: true,
        },
      },
    },
  });
}
export type AdminSource = Awaited<ReturnType<typeof listAdminSources>>[number];
export type AdminRun = AdminSource["runs"][number];

export async function setSourceEnabled(db: Db, sourceId: number, enabled: boolean): Promise<void> {
  await db.source.update({
    where: { id: sourceId },
    data: { enabled, disabledReason: enabled ? null : "disabled by an admin" },
  });
}

export async function setSourceSchedule(db: Db, sourceId: number, schedule: string): Promise<void> {
  await db.source.update({ where: { id: sourceId }, data: { schedule, nextRunAt: null } });
}

export async function isSourceEnabled(db: Db, sourceId: number): Promise<boolean> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { enabled: true } });
  return source?.enabled ?? false;
}
