import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepQueriesWhole } from "./pglite-message-groups";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) served over the Postgres wire
 * protocol on 127.0.0.1, so the same pg adapter and raw SQL work as on a real server.
 * Only one process may open a data directory; others find it through server.json and connect.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface ServerFile {
  pid: number;
  port: number;
}

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The URL of an embedded server another live process already serves from dataDir, if any. */
export async function findRunningEmbedded(dataDir: string): Promise<string | undefined> {
  const file = path.join(dataDir, "server.json");
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as ServerFile;
    if (info.pid !== process.pid && processAlive(info.pid) && (await portAnswers(info.port))) {
      return urlFor(info.port);
    }
  } catch {
    // A torn or stale file: the owner is gone, so we take over below.
  }
  return undefined;
}

/**
 * Start PGlite on dataDir (or in memory when dataDir is undefined) and serve it on a free port.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  let pgDir: string | undefined;
  if (dataDir) {
    pgDir = path.join(dataDir, "pglite");
    mkdirSync(pgDir, { recursive: true });
  }
  const db = await PGlite.create(pgDir ? { dataDir: pgDir } : {});
  // Every client shares PGlite's one session, which takes no startup options: lib/db.ts SESSION_OPTIONS set here.
  await db.exec("SET work_mem = '16MB'");
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 200 });
  keepQueriesWhole(server);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const serverFile = dataDir ? path.join(dataDir, "server.json") : undefined;
  if (serverFile) writeFileSync(serverFile, JSON.stringify({ pid: process.pid, port } satisfies ServerFile));

  let stopped = false;
  return {
    url: urlFor(port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (serverFile && existsSync(serverFile)) rmSync(serverFile, { force: true });
    },
  };
}
