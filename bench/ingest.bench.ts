import { createTestDatabase } from "@/tests/helpers/database-factory";
import type { Db } from "@/lib/db";
import { ingestRawPostings } from "@/lib/ingest/ingest-raw";
import { normalizePosting } from "@/lib/normalize";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { median, p95 } from "./lib/stats";
import type { Figure } from "./lib/report";
import { syntheticRawPostings } from "./lib/synthetic";

const BATCH = 10_000;
/** The naive path is slow; its per-posting rate is measured on a smaller batch. */
const NAIVE_BATCH = 1_000;
const RUNS = 3;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** The baseline: one upsert per posting, no hash skip, no batching. */
async function naiveIngest(db: Db, sourceId: number, postings: NormalizedPosting[]): Promise<void> {
  const companies = new Map<string, number>();
  for (const posting of postings) {
    let companyId = companies.get(posting.companySlug);
    if (companyId === undefined) {
      companyId = (await db.company.upsert({ where: { slug: posting.companySlug }, update: {}, create: { slug: posting.companySlug, name: posting.companyName } })).id;
      companies.set(posting.companySlug, companyId);
    }
    const data = {
      contentHash: posting.contentHash,
      companyId,
      companyName: posting.companyName,
      title: posting.title,
      locations: posting.locations as object[],
      countries: posting.countries,
      cities: posting.cities,
      remote: posting.remote,
      remoteRegions: posting.remoteRegions,
      level: posting.roleFit.level,
      family: posting.roleFit.family,
      fit: posting.roleFit.fit,
      fitScore: posting.roleFit.score,
      fitReasons: posting.roleFit.reasons,
      skills: posting.skills,
      salaryMinUsd: posting.salary?.annualUsdMin ?? null,
      salaryMaxUsd: posting.salary?.annualUsdMax ?? null,
      descriptionHtml: posting.descriptionHtml,
      descriptionText: posting.descriptionText,
      url: posting.url,
      postedAt: posting.postedAt,
      lastSeenAt: new Date(),
    };
    const saved = await db.posting.upsert({ where: { dedupKey: posting.dedupKey }, update: data, create: { ...data, dedupKey: posting.dedupKey } });
    await db.sighting.upsert({
      where: { sourceId_externalId: { sourceId, externalId: posting.externalId } },
      update: { postingId: saved.id, lastSeenAt: new Date() },
      create: { sourceId, externalId: posting.externalId, postingId: saved.id, url: posting.url },
    });
  }
}

export async function run(): Promise<Figure[]> {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const batchRates: number[] = [];
    const firstMs: number[] = [];
    const rerunMs: number[] = [];
    const naiveRates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const raws = syntheticRawPostings(BATCH, { seed: 100 + r, idPrefix: `Batch${r}` });
      const source = await db.source.create({ data: { kind: "greenhouse", token: `bench-batch-${r}` } });
      const first = await timed(async () => ingestRawPostings(db, source.id, raws));
      batchRates.push((BATCH / first.ms) * 1000);
      firstMs.push(first.ms);
      const again = await timed(async () => ingestRawPostings(db, source.id, raws, { previousFetchedCount: BATCH }));
      if (again.value.new !== 0 || again.value.updated !== 0 || again.value.unchanged !== BATCH) {
        throw new Error(`re-run was not all unchanged: ${JSON.stringify(again.value)}`);
      }
      rerunMs.push(again.ms);

      const naiveRaws = syntheticRawPostings(NAIVE_BATCH, { seed: 200 + r, idPrefix: `Naive${r}` });
      const naiveSource = await db.source.create({ data: { kind: "greenhouse", token: `bench-naive-${r}` } });
      const naive = await timed(async () => naiveIngest(db, naiveSource.id, naiveRaws.map((raw) => normalizePosting(raw))));
      naiveRates.push((NAIVE_BATCH / naive.ms) * 1000);
      console.error(`run ${r + 1}/${RUNS}: batch ${first.ms.toFixed(0)} ms, re-run ${again.ms.toFixed(0)} ms, naive ${naive.ms.toFixed(0)} ms per ${NAIVE_BATCH}`);
    }
    const note = `${database.engine}, ${BATCH.toLocaleString()} postings, median of ${RUNS}`;
    return [
      { name: "ingest batch path", value: median(batchRates), unit: "postings/s", note: `${note}; p95 run ${p95(firstMs).toFixed(0)} ms` },
      { name: "ingest naive baseline", value: median(naiveRates), unit: "postings/s", note: `one upsert per posting, ${NAIVE_BATCH} postings` },
      { name: "ingest batch vs naive", value: median(batchRates) / median(naiveRates), unit: "x", goal: { op: ">=", value: 10 } },
      { name: "ingest unchanged re-run vs first run", value: median(firstMs) / median(rerunMs), unit: "x faster", goal: { op: ">=", value: 5 }, note: `re-run median ${median(rerunMs).toFixed(0)} ms` },
    ];
  } finally {
    await database.drop();
  }
}
