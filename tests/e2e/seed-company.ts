/**
 * `tsx tests/e2e/seed-company.ts <company name> <count>` ingests that many open senior ML postings,
 * each with its own title, for one company into the e2e app's database (DATABASE_URL from the spec),
 * and prints their ids as JSON.
 */
import { randomUUID } from "node:crypto";
import { disconnectDb, getDb } from "../../lib/db";
import { ingestPostings } from "../../lib/ingest/ingest-postings";
import { makePosting } from "../helpers/posting-factory";

const [companyName, countArgument] = process.argv.slice(2);
const count = Number(countArgument);
if (!companyName || !Number.isInteger(count) || count <= 0) throw new Error("usage: seed-company.ts <company name> <count>");
const db = getDb();
const source = await db.source.upsert({
  where: { kind_token: { kind: "greenhouse", token: "e2e-seed-company" } },
  update: {},
  create: { kind: "greenhouse", token: "e2e-seed-company" },
});
const postings = Array.from({ length: count }, (_, i) => makePosting({ externalId: randomUUID(), title: `Senior ML Engineer, Team ${i + 1}`, companyName }));
const { newPostingIds } = await ingestPostings(db, source.id, postings, { now: new Date() });
await disconnectDb();
console.log(JSON.stringify(newPostingIds));
