import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrate } from "@/lib/database/migrator";
import { disconnectDb, getDb, type Db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The server tests may use: DATABASE_URL as given to `npm test`, captured before any file changes it. */
function baseUrl(): string | undefined {
  process.env.MLRADAR_TEST_BASE_URL ??= process.env.DATABASE_URL ?? "";
  return process.env.MLRADAR_TEST_BASE_URL || undefined;
}

export interface TestDatabase {
  url: string;
  db: Db;
  /** "postgres" on a real server, "pglite" on the embedded one. */
  engine: "postgres" | "pglite";
}

/** A fresh, migrated database for one test file: its own database on PostgreSQL, its own in-memory PGlite otherwise. */
export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const base = baseUrl();
  if (base) {
    const parsed = new URL(base);
    if (!LOCAL_HOSTS.has(parsed.hostname)) {
      throw new Error(`Refusing to run tests against ${parsed.hostname}: DATABASE_URL must point at localhost`);
    }
    const name = `mlradar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    parsed.pathname = `/${name}`;
    const url = parsed.toString();
    await migrate(url);
    return {
      url,
      engine: "postgres",
      db: connectTo(url),
      async drop() {
        await disconnectDb();
        const adminAgain = new pg.Client({ connectionString: base });
        await adminAgain.connect();
        await adminAgain.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await adminAgain.end();
      },
    };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
  await migrate(embedded.url);
  return {
    url: embedded.url,
    engine: "pglite",
    db: connectTo(embedded.url),
    async drop() {
      await disconnectDb();
      await embedded.stop();
    },
  };
}

function connectTo(url: string): Db {
  process.env.DATABASE_URL = url;
  resetEnvCache();
  return getDb();
}
