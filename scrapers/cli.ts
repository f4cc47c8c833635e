/**
 * `npm run scrape -- <command>`: parse saved payloads, import them, scrape sources over HTTP,
 * manage the source list. Machine-readable output on stdout; progress and summaries on stderr.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { logUpdateStderr } from "log-update";
import { ensureDatabase, getDb, stopEmbeddedDatabase } from "@/lib/db";
import { migrate } from "@/lib/database/migrator";
import { appHttpClient, closeAppHttpClient } from "@/lib/ingest/http-policy";
import { runSource, type RunSummary } from "@/lib/ingest/run-source";
import { logger } from "@/lib/logger";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { readDefaultSources } from "@/lib/sources/default-sources";
import { ensureSource, findSource, listEnabledSources, listSourcesWithLastRun, type SourceRef } from "@/lib/sources/queries";
import { importPayloadFiles, parsePayloadFile } from "./import-payloads";
import { hasScraper, scraperKinds } from "./registry";
import { parseSourceSpec } from "./source-spec";
import type { SourceKind } from "./types";

const USAGE = `usage: npm run scrape -- <command>

  parse --kind <kind> <file>            parse a saved payload; one normalized posting per line (JSON) on stdout
  import --kind <kind> [--company <name>] <files...>
                                        parse, normalize and ingest saved payloads (one run per file)
  source <kind>:<token-or-url>          scrape one source over HTTP
  all [--concurrency N]                 scrape every enabled source; exit 1 if any failed
  sources list                          the sources with their last run
  sources add <kind>:<token-or-url> [--company <name>]
  sources load-defaults                 load the reviewed list in data/default-sources.json

kinds: ${scraperKinds.join(", ")}`;

class UsageError extends Error {}

const kindSchema = z.string().refine(hasScraper, { message: `must be one of: ${scraperKinds.join(", ")}` });

function parseKind(value: string | undefined): SourceKind {
  if (!value) throw new UsageError("--kind is required");
  const parsed = kindSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--kind ${value}: ${parsed.error.issues[0]?.message}`);
  return parsed.data as SourceKind;
}

/** The CLI's view of a normalized posting: flat, every field that could be read. */
function toOutputLine(posting: NormalizedPosting) {
  return {
    title: posting.title,
    company: posting.companyName,
    url: posting.url,
    applyUrl: posting.applyUrl,
    externalId: posting.externalId,
    fit: posting.roleFit.fit,
    score: posting.roleFit.score,
    family: posting.roleFit.family,
    level: posting.roleFit.level,
    reasons: posting.roleFit.reasons,
    skills: posting.skills,
    salary: posting.salary,
    remote: posting.remote,
    remoteRegions: posting.remoteRegions,
    timezone: posting.tzMinOffset === null ? null : { minOffset: posting.tzMinOffset, maxOffset: posting.tzMaxOffset },
    locations: posting.locations,
    countries: posting.countries,
    cities: posting.cities,
    employmentType: posting.employmentType,
    postedAt: posting.postedAt?.toISOString() ?? null,
    dedupKey: posting.dedupKey,
    contentHash: posting.contentHash,
    descriptionText: posting.descriptionText,
    descriptionHtml: posting.descriptionHtml,
  };
}

async function openDatabase() {
  const url = await ensureDatabase();
  await migrate(url);
  return getDb();
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

function describeRun(summary: RunSummary): string {
  if (summary.status === "failed") return `failed: ${summary.error?.reason ?? "unknown"}`;
  if (summary.status === "unchanged") return "unchanged (304)";
  const c = summary.counts!;
  return `ok: ${c.fetched} fetched, ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.closed} closed${c.suspicious ? " (suspicious: closed nothing)" : ""}`;
}

/** Scrape sources with a live table on stderr when it is a terminal; concurrency across hosts. */
async function scrapeSources(sources: SourceRef[], concurrency: number): Promise<RunSummary[]> {
  const db = getDb();
  const http = appHttpClient();
  const log = logger();
  const state = new Map<number, { label: string; pages: number; postings: number; status: string }>();
  for (const source of sources) state.set(source.id, { label: `${source.kind}:${source.token}`, pages: 0, postings: 0, status: "waiting" });
  const live = process.stderr.isTTY;
  const render = () => {
    if (!live) return;
    const rows = [["source", "pages", "postings", "status"], ...[...state.values()].map((s) => [s.label, String(s.pages), String(s.postings), s.status])];
    logUpdateStderr(table(rows));
  };
  const timer = live ? setInterval(render, 200) : undefined;
  const results: RunSummary[] = [];
  const queue = [...sources];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
      for (let source = queue.shift(); source; source = queue.shift()) {
        const entry = state.get(source.id)!;
        entry.status = "running";
        const summary = await runSource(source, {
          db,
          http,
          log,
          onProgress: (progress) => {
            entry.pages = progress.pages;
            entry.postings = progress.postings;
          },
        });
        entry.pages = summary.pages;
        entry.postings = summary.counts?.fetched ?? entry.postings;
        entry.status = describeRun(summary);
        if (!live) process.stderr.write(`${entry.label}: ${entry.status}\n`);
        results.push(summary);
      }
    }),
  );
  if (timer) clearInterval(timer);
  render();
  if (live) logUpdateStderr.done();
  const rows = [
    ["source", "status", "fetched", "new", "updated", "unchanged", "closed", "requests", "304s", "seconds"],
    ...results.map((r) => [
      `${r.kind}:${r.token}`,
      r.status,
      String(r.counts?.fetched ?? 0),
      String(r.counts?.new ?? 0),
      String(r.counts?.updated ?? 0),
      String(r.counts?.unchanged ?? 0),
      String(r.counts?.closed ?? 0),
      String(r.requests),
      String(r.notModified),
      (r.durationMs / 1000).toFixed(1),
    ]),
  ];
  process.stdout.write(`${table(rows)}\n`);
  const failed = results.filter((r) => r.status === "failed");
  for (const r of failed) process.stderr.write(`failed ${r.kind}:${r.token}: ${r.error?.reason}\n`);
  process.stderr.write(`${results.length} sources: ${results.length - failed.length} ok, ${failed.length} failed\n`);
  return results;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      company: { type: "string" },
      concurrency: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }

  switch (command) {
    case "parse": {
      const kind = parseKind(values.kind);
      if (rest.length !== 1) throw new UsageError("parse takes exactly one file");
      const file = rest[0]!;
      try {
        const parsed = await parsePayloadFile(kind, file, { companyName: values.company });
        for (const posting of parsed.postings) process.stdout.write(`${JSON.stringify(toOutputLine(posting))}\n`);
        const fits = parsed.postings.filter((p) => p.roleFit.fit).length;
        process.stderr.write(`${file}: ${parsed.postings.length} postings (${kind}), ${fits} fit the target role\n`);
        return 0;
      } catch (error) {
        process.stderr.write(`${(error as Error).message.split("\n")[0]}\n`);
        return 1;
      }
    }
    case "import": {
      const kind = parseKind(values.kind);
      if (!rest.length) throw new UsageError("import needs at least one file");
      const db = await openDatabase();
      const companyNames = values.company ? Object.fromEntries(rest.map((file) => [file.replace(/^.*\//, "").replace(/\.[^.]+$/, ""), values.company!])) : undefined;
      const results = await importPayloadFiles(db, kind, rest, { companyNames });
      for (const result of results) {
        const c = result.counts;
        process.stderr.write(
          result.ok
            ? `${result.file}: ${c!.fetched} postings, ${c!.new} new, ${c!.updated} updated, ${c!.unchanged} unchanged, ${c!.closed} closed\n`
            : `${result.file}: failed: ${result.error}\n`,
        );
      }
      return results.every((r) => r.ok) ? 0 : 1;
    }
    case "source": {
      if (rest.length !== 1) throw new UsageError("source takes one <kind>:<token-or-url>");
      const spec = await parseSourceSpec(rest[0]!);
      const db = await openDatabase();
      const source = (await findSource(db, spec.kind, spec.token)) ?? (await ensureSource(db, spec.kind, spec.token));
      const [summary] = await scrapeSources([source], 1);
      return summary?.status === "failed" ? 1 : 0;
    }
    case "all": {
      const concurrency = z.coerce.number().int().min(1).max(32).safeParse(values.concurrency ?? "6");
      if (!concurrency.success) throw new UsageError("--concurrency must be a whole number from 1 to 32");
      const db = await openDatabase();
      const sources = await listEnabledSources(db);
      if (!sources.length) {
        process.stderr.write("no enabled sources: add some with `sources add` or `sources load-defaults`\n");
        return 0;
      }
      const results = await scrapeSources(sources, concurrency.data);
      return results.some((r) => r.status === "failed") ? 1 : 0;
    }
    case "sources": {
      const [sub, ...args] = rest;
      const db = await openDatabase();
      if (sub === "list") {
        const sources = await listSourcesWithLastRun(db);
        const rows = [
          ["id", "source", "company", "enabled", "last run", "status", "open", "last error"],
          ...sources.map((s) => [
            String(s.id),
            `${s.kind}:${s.token}`,
            s.company?.name ?? "",
            s.enabled ? "yes" : `no (${s.disabledReason ?? "disabled"})`,
            s.lastRunAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never",
            s.lastRunStatus ?? "",
            String(s._count.sightings),
            (s.lastError ?? "").slice(0, 60),
          ]),
        ];
        process.stdout.write(`${table(rows)}\n`);
        return 0;
      }
      if (sub === "add") {
        if (args.length !== 1) throw new UsageError("sources add takes one <kind>:<token-or-url>");
        const spec = await parseSourceSpec(args[0]!);
        const source = await ensureSource(db, spec.kind, spec.token, { companyName: values.company });
        process.stdout.write(`source ${source.id}: ${source.kind}:${source.token}\n`);
        return 0;
      }
      if (sub === "load-defaults") {
        let added = 0;
        for (const entry of readDefaultSources()) {
          await ensureSource(db, entry.kind, entry.token, { companyName: entry.company });
          added += 1;
        }
        process.stdout.write(`${added} default sources loaded\n`);
        return 0;
      }
      throw new UsageError("sources takes list, add or load-defaults");
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`scrape: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await closeAppHttpClient();
    await stopEmbeddedDatabase();
    process.exit(code);
  });
