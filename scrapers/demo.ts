import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { importPayloadFiles, tokenFromFile } from "./import-payloads";
import { scraperKinds } from "./registry";
import type { SourceKind } from "./types";

/** The project's own demo payloads, one folder per board kind (demo/payloads/<kind>/<token>.json). */
export const DEMO_DIR = path.resolve(process.cwd(), "demo/payloads");
const DEMO_COMPANIES = path.resolve(process.cwd(), "demo/companies.json");

/** Board token → company name for demo payloads that carry no company name. */
function demoCompanyNames(): Record<string, string> {
  if (!existsSync(DEMO_COMPANIES)) return {};
  return (JSON.parse(readFileSync(DEMO_COMPANIES, "utf8")) as { companies: Record<string, string> }).companies;
}

export function demoFiles(dir = DEMO_DIR): { kind: SourceKind; files: string[] }[] {
  if (!existsSync(dir)) return [];
  return scraperKinds
    .filter((kind) => existsSync(path.join(dir, kind)))
    .map((kind) => ({
      kind,
      files: readdirSync(path.join(dir, kind))
        .filter((name) => !name.startsWith("."))
        .sort()
        .map((name) => path.join(dir, kind, name)),
    }));
}

/** On an empty database, import the demo payloads through the real parse → normalize → ingest path. */
export async function loadDemoDataIfEmpty(
  db: Db,
  log: (line: string) => void = () => {},
): Promise<{ files: number; postings: number } | null> {
  if ((await db.posting.count()) > 0) return null;
  let files = 0;
  let postings = 0;
  const companyNames = demoCompanyNames();
  for (const group of demoFiles()) {
    for (const result of await importPayloadFiles(db, group.kind, group.files, { companyNames })) {
      files += 1;
      if (result.ok) postings += result.counts?.new ?? 0;
      else log(`failed ${path.relative(process.cwd(), result.file)}: ${result.error}`);
    }
  }
  // Demo boards are invented: the worker must not try to scrape them over the network.
  await db.source.updateMany({
    where: { OR: demoFiles().map((group) => ({ kind: group.kind, token: { in: group.files.map(tokenFromFile) } })) },
    data: { enabled: false, disabledReason: "demo data imported from demo/payloads, not a real board" },
  });
  return { files, postings };
}
