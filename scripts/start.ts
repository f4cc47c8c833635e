/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running site.
 * With no DATABASE_URL it serves the embedded database from this process, migrates it,
 * loads the demo data when it is empty, builds when the build is missing or stale, then runs Next
 * and one worker (in this process; `--no-worker` when workers run as their own processes).
 */
import { ensureDatabase, getDb, stopEmbeddedDatabase } from "../lib/db";
import { migrate } from "../lib/database/migrator";
import { env } from "../lib/env";
import { appHttpClient, closeAppHttpClient } from "../lib/ingest/http-policy";
import { logger } from "../lib/logger";
import { startWorker, type WorkerHandle } from "../lib/worker/start-worker";
import { loadDemoDataIfEmpty } from "../scrapers/demo";
import { buildIfStale, nextBin, runNode } from "./next-build";

const dev = process.argv.includes("--dev");
const withWorker = !process.argv.includes("--no-worker");
const running: { worker?: WorkerHandle; stopping?: boolean } = {};

/** Next has exited (SIGTERM is forwarded to it): let the worker finish or release its jobs, then close. */
async function stopWorker(): Promise<void> {
  running.stopping = true;
  await running.worker?.stop();
  await Promise.race([closeAppHttpClient(), new Promise((resolve) => setTimeout(resolve, 500))]);
}

/**
 * The in-process worker. A worker that stops on an error (the database went away as a job ended)
 * is started again here, as a process manager restarts `npm run worker`; the web server keeps serving.
 */
async function runWorker(databaseUrl: string): Promise<void> {
  const worker = await startWorker({ connectionString: databaseUrl, db: getDb(), http: appHttpClient(), log: logger(), concurrency: 2 });
  running.worker = worker;
  worker.done.catch(async (error: unknown) => {
    if (running.stopping) return;
    logger().error({ err: error }, "worker: stopped on an error; starting it again in 5 s");
    await worker.stop().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (let attempt = 1; !running.stopping; attempt++) {
      try {
        await runWorker(databaseUrl);
        return;
      } catch (restartError) {
        logger().error({ err: restartError, attempt }, "worker: could not start again; retrying in 30 s");
        await new Promise((resolve) => setTimeout(resolve, 30_000));
      }
    }
  });
}

async function main(): Promise<number> {
  const config = env();
  const databaseUrl = await ensureDatabase();
  console.log(config.DATABASE_URL ? "database: DATABASE_URL" : `database: embedded PGlite in ${config.DATA_DIR}/pglite`);
  const migrated = await migrate(databaseUrl, { log: (line) => console.log(`migrate: ${line}`) });
  console.log(`migrate: ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already applied`);
  const demo = await loadDemoDataIfEmpty(getDb(), (line) => console.log(`demo: ${line}`));
  if (demo) console.log(`demo: loaded ${demo.postings} postings from ${demo.files} payloads`);

  if (withWorker) {
    await runWorker(databaseUrl);
    console.log("worker: running scheduled scrapes and alert jobs in this process");
  }

  const childEnv = { DATABASE_URL: databaseUrl };
  if (dev) return runNode([nextBin, "dev", "-p", String(config.PORT)], childEnv);
  const built = await buildIfStale(childEnv);
  if (built !== 0) return built;
  console.log(`serving http://localhost:${config.PORT}`);
  // The page cache renders a miss through the server itself, on the loopback address.
  const pageCacheOrigin = config.PAGE_CACHE_ORIGIN ?? `http://127.0.0.1:${config.PORT}`;
  return runNode([nextBin, "start", "-p", String(config.PORT)], { ...childEnv, PAGE_CACHE_ORIGIN: pageCacheOrigin });
}

main()
  .then(async (code) => {
    await stopWorker();
    await stopEmbeddedDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    await stopWorker();
    await stopEmbeddedDatabase();
    process.exit(1);
  });
