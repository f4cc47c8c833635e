import "server-only";
import type { Db } from "@/lib/db";

export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

export async function getLastSuccessfulScrape(db: Db): Promise<Date | null> {
  const latest = await db.source.aggregate({ where: { enabled: true }, _max: { lastSuccessAt: true } });
  return latest._max.lastSuccessAt;
}

export async function countScrapeRunsByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows = await db.scrapeRun.groupBy({ by: ["status"], _count: { _all: true } });
  return rows.map((row) => ({ status: row.status, count: row._count._all }));
}

export async function countPostingsByState(db: Db): Promise<{ open: number; closed: number }> {
  const [open, closed] = await Promise.all([
    db.posting.count({ where: { closedAt: null } }),
    db.posting.count({ where: { closedAt: { not: null } } }),
  ]);
  return { open, closed };
}

export async function countAlertDeliveriesByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows = await db.alertDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  return rows.map((row) => ({ status: row.status, count: row._count._all }));
}
