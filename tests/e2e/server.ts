/**
 * The app as e2e tests see it: a fresh database (its own PostgreSQL database when DATABASE_URL is
 * set, an in-memory PGlite otherwise) with the demo data, and `next start` on E2E_PORT.
 */
import { createTestDatabase } from "../helpers/database-factory";
import { getDb } from "../../lib/db";
import { loadDemoDataIfEmpty } from "../../scrapers/demo";
import { buildIfStale, nextBin, runNode } from "../../scripts/next-build";

const port = process.env.E2E_PORT ?? "3100";
const database = await createTestDatabase();
const demo = await loadDemoDataIfEmpty(getDb(), (line) => console.log(`demo: ${line}`));
console.log(`e2e: ${database.engine} database with ${demo?.postings ?? 0} demo postings`);

const childEnv = { DATABASE_URL: database.url, SITE_URL: `http://127.0.0.1:${port}` };
let code = await buildIfStale(childEnv);
if (code === 0) code = await runNode([nextBin, "start", "-H", "127.0.0.1", "-p", port], childEnv);
await database.drop();
process.exit(code);
