/**
 * What the worker does after a scrape, run against the e2e app's database:
 * `tsx tests/e2e/alert-jobs.ts <now ISO> <title>...` ingests one new staff-level posting per title,
 * matches, schedules and delivers (to the e2e SMTP server), and prints the counts as JSON.
 * The environment (DATABASE_URL, SMTP_URL, AUTH_SECRET, SITE_URL) comes from the spec.
 */
import { randomUUID } from "node:crypto";
import { deliverDue } from "../../lib/alerts/deliver";
import { matchNewPostings } from "../../lib/alerts/match";
import { scheduleDeliveries } from "../../lib/alerts/schedule";
import { getMailTransport } from "../../lib/alerts/transport";
import { disconnectDb, getDb } from "../../lib/db";
import { ingestPostings } from "../../lib/ingest/ingest-postings";
import { makePosting } from "../helpers/posting-factory";

const [nowArgument, ...titles] = process.argv.slice(2);
const now = new Date(nowArgument ?? Date.now());
const db = getDb();
const source = await db.source.upsert({
  where: { kind_token: { kind: "greenhouse", token: "e2e-alerts" } },
  update: {},
  create: { kind: "greenhouse", token: "e2e-alerts" },
});
const postings = titles.map((title) =>
  makePosting({
    externalId: randomUUID(),
    title,
    companyName: "Alertco",
    roleFit: { family: "ml_engineering", level: "staff", fit: true, score: 0.95, reasons: ["title says Staff ML Engineer"] },
  }),
);
const { newPostingIds } = await ingestPostings(db, source.id, postings, { now });
const matched = await matchNewPostings(db, newPostingIds, now);
const scheduled = await scheduleDeliveries(db, now);
const transport = getMailTransport();
const delivered = await deliverDue(db, transport, now);
transport.close();
await disconnectDb();
console.log(JSON.stringify({ newPostingIds, matched, scheduled, delivered }));
