/**
 * The app as e2e tests see it: a fresh database (its own PostgreSQL database when DATABASE_URL is
 * set, an in-memory PGlite otherwise) with the demo data, and `next start` on E2E_PORT. Its mail
 * goes to an SMTP server in this process that keeps every message as a file; specs find that
 * folder, the database and the secret through the state file (tests/e2e/mail-capture.ts).
 */
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "../helpers/database-factory";
import { getDb } from "../../lib/db";
import { loadDemoDataIfEmpty } from "../../scrapers/demo";
import { buildIfStale, nextBin, runNode } from "../../scripts/next-build";
import { startMailCapture, writeE2eState } from "./mail-capture";

const port = process.env.E2E_PORT ?? "3100";
const database = await createTestDatabase();
const demo = await loadDemoDataIfEmpty(getDb(), (line) => console.log(`demo: ${line}`));
console.log(`e2e: ${database.engine} database with ${demo?.postings ?? 0} demo postings`);

const mail = await startMailCapture(port);
const childEnv = {
  DATABASE_URL: database.url,
  SITE_URL: `http://127.0.0.1:${port}`,
  SMTP_URL: mail.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  // tests/e2e/admin-signed-in.spec.ts signs in as this address.
  ADMIN_EMAILS: "admin-e2e@example.test",
  PAGE_CACHE_ORIGIN: `http://127.0.0.1:${port}`,
};
writeE2eState(port, { databaseUrl: database.url, smtpUrl: mail.url, mailDir: mail.dir, authSecret: childEnv.AUTH_SECRET, siteUrl: childEnv.SITE_URL });
let code = await buildIfStale(childEnv);
if (code === 0) code = await runNode([nextBin, "start", "-H", "127.0.0.1", "-p", port], childEnv);
await mail.close();
await database.drop();
process.exit(code);
