/**
 * `npm run worker`: the background jobs (scheduled scrapes, alert matching, digests, outbox delivery)
 * on graphile-worker. Run as many as you like against one database; they share the work through it.
 * SIGTERM/SIGINT: stop taking jobs, let running ones finish, release what is still running after 7 s.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrate } from "@/lib/database/migrator";
import { ensureDatabase, getDb, stopEmbeddedDatabase } from "@/lib/db";
import { appHttpClient, closeAppHttpClient } from "@/lib/ingest/http-policy";
import { logger } from "@/lib/logger";
import { startWorker, type WorkerHandle } from "@/lib/worker/start-worker";

const flagsSchema = z.object({
  concurrency: z.coerce.number().int().min(1).max(64).default(4),
  "poll-interval": z.coerce.number().int().min(100).max(60_000).default(2_000),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { concurrency: { type: "string" }, "poll-interval": { type: "string" } },
  });
  const flags = flagsSchema.parse(values);
  const log = logger();
  const started: { worker?: WorkerHandle } = {};
  let exiting = false;
  const shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    log.info({ signal }, "worker: shutting down");
    await started.worker?.stop();
    // An aborted scrape may still hold a request open: closing the client would wait for it.
    await Promise.race([closeAppHttpClient(), new Promise((resolve) => setTimeout(resolve, 500))]);
    await stopEmbeddedDatabase();
    process.exit(0);
  };
  // Registered before the slow start (database, migrations) so an early SIGTERM is not lost.
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const url = await ensureDatabase();
  await migrate(url);
  if (exiting) return;
  const worker = await startWorker({
    connectionString: url,
    db: getDb(),
    http: appHttpClient(),
    log,
    concurrency: flags.concurrency,
    pollIntervalMs: flags["poll-interval"],
  });
  started.worker = worker;
  worker.done.catch(async (error: unknown) => {
    log.fatal({ err: error }, "worker: stopped on an error");
    await stopEmbeddedDatabase();
    process.exit(1);
  });
}

main().catch(async (error: unknown) => {
  logger().fatal({ err: error }, "worker: could not start");
  await stopEmbeddedDatabase();
  process.exit(1);
});
