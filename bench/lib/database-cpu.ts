import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db";

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ). */
const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number {
  // Fields after "(comm) ": state is 0, utime is 11, stime is 12.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export type CpuSnapshot = Map<number, number>;

/**
 * CPU milliseconds used so far by each server process of this database's connections, when the
 * server runs on this machine and /proc shows them; null otherwise (another host, PGlite).
 */
export async function databaseCpu(db: Db): Promise<CpuSnapshot | null> {
  const backends = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  try {
    return new Map(backends.map(({ pid }) => [pid, processCpuMs(pid)]));
  } catch {
    return null;
  }
}

/**
 * Database CPU milliseconds since `before` (a connection opened meanwhile counts from zero). On a
 * shared machine this says what the work cost, apart from how long it waited for a core.
 */
export async function databaseCpuSince(db: Db, before: CpuSnapshot | null): Promise<number | null> {
  const after = await databaseCpu(db);
  if (!before || !after) return null;
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** CPU milliseconds of this process (which includes the embedded PGlite, when that is the database). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
