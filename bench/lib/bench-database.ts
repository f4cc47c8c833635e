import pg from "pg";
import { migrate } from "@/lib/database/migrator";
import { createClient, type Db } from "@/lib/db";
import { createTestDatabase } from "@/tests/helpers/database-factory";
import { generateSearchData, type GenerateResult } from "./search-data";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * The PostgreSQL server these benchmarks may use, or null after saying why not: figures from the
 * embedded PGlite (single-threaded WASM) would say nothing about production.
 */
export function benchPostgresUrl(bench: string): string | null {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`${bench}: DATABASE_URL is not set. This benchmark runs on PostgreSQL only, e.g.\n  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- ${bench}`);
    return null;
  }
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    console.error(`${bench}: refusing to run against ${host}: DATABASE_URL must point at localhost`);
    return null;
  }
  return url;
}

export interface BenchDatabase {
  url: string;
  db: Db;
  /** Null when an existing database was reused. */
  generated: GenerateResult | null;
  drop(): Promise<void>;
}

async function withAdmin<T>(base: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated database holding `size` generated postings. Fresh and dropped afterwards by default;
 * with `keep`, a database named after the size that later runs reuse (`--keep`), so a 1,000,000
 * row data set is generated once.
 */
export async function openBenchDatabase(
  base: string,
  options: { size: number; keep?: boolean; log?: (line: string) => void },
): Promise<BenchDatabase> {
  const log = options.log ?? (() => {});
  if (!options.keep) {
    const fresh = await createTestDatabase();
    try {
      const generated = await generateSearchData(fresh.url, { size: options.size, log });
      return { url: fresh.url, db: fresh.db, generated, drop: fresh.drop };
    } catch (error) {
      await fresh.drop();
      throw error;
    }
  }
  const name = `mlradar_bench_${options.size}`;
  const parsed = new URL(base);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const exists = await withAdmin(base, async (admin) => (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
  let generated: GenerateResult | null = null;
  let complete = false;
  if (exists) {
    const migrated = await migrate(url);
    complete = await withAdmin(url, async (client) => {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM posting`);
      // New indexes may be on expressions, which have statistics only once analyzed.
      if (migrated.applied.length) await client.query("ANALYZE posting");
      return rows[0]?.n === options.size;
    });
    if (complete) log(`reusing database ${name} (${options.size.toLocaleString("en-US")} postings)`);
  }
  if (!complete) {
    await withAdmin(base, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    });
    await migrate(url);
    generated = await generateSearchData(url, { size: options.size, log });
  }
  const db = createClient(url);
  return { url, db, generated, drop: async () => db.$disconnect() };
}
