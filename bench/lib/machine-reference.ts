import pg from "pg";
import { median, timeRuns } from "./stats";

/**
 * A fixed, CPU-bound statement timed in PostgreSQL: the same work on every machine and every day, so
 * absolute figures from runs on a shared machine can be compared by it (a slower machine shows here
 * as well as in every goal in milliseconds).
 */
export async function machineReferenceMs(url: string, runs = 9): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return median(await timeRuns(async () => void (await client.query("SELECT count(*) FROM generate_series(1, 500000)")), runs, 2));
  } finally {
    await client.end();
  }
}
