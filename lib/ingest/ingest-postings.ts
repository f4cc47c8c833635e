import { setImmediate } from "node:timers/promises";
import type { Db } from "@/lib/db";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { Prisma } from "@/lib/generated/prisma/client";

/** A posting is closed after it is missing from this many successful runs of its source in a row. */
export const MISSES_BEFORE_CLOSE = 2;
/** A run that returns nothing where the last one returned at least this many is suspicious. */
export const SUSPICIOUS_DROP_FROM = 3;

export interface IngestCounts {
  fetched: number;
  new: number;
  updated: number;
  unchanged: number;
  closed: number;
  /** True when the run looked suspicious (empty after many) and closed nothing. */
  suspicious: boolean;
  /** Ids of the postings this run created: what alert matching looks at. */
  newPostingIds: number[];
}

interface ExistingPosting {
  id: number;
  dedup_key: string;
  content_hash: string;
  closed_at: Date | null;
  first_seen_at: Date;
}

function sortAtFor(posting: NormalizedPosting, firstSeenAt: Date, now: Date): Date {
  // Boards restate posted dates (bulk re-saves), so a posted date only moves a posting earlier.
  const posted = posting.postedAt;
  if (posted && posted.getTime() <= now.getTime() && posted.getTime() < firstSeenAt.getTime()) return posted;
  return firstSeenAt;
}

function postingColumns(posting: NormalizedPosting, companyId: number, firstSeenAt: Date, now: Date) {
  const salary = posting.salary;
  return {
    dedupKey: posting.dedupKey,
    contentHash: posting.contentHash,
    companyId,
    companyName: posting.companyName,
    title: posting.title,
    locations: posting.locations as unknown as Prisma.InputJsonValue,
    countries: posting.countries,
    cities: posting.cities,
    remote: posting.remote,
    remoteRegions: posting.remoteRegions,
    tzMinOffset: posting.tzMinOffset,
    tzMaxOffset: posting.tzMaxOffset,
    employmentType: posting.employmentType,
    level: posting.roleFit.level,
    family: posting.roleFit.family,
    fit: posting.roleFit.fit,
    fitScore: posting.roleFit.score,
    fitReasons: posting.roleFit.reasons,
    skills: posting.skills,
    salaryText: salary?.text ?? null,
    salaryMin: salary?.min ?? null,
    salaryMax: salary?.max ?? null,
    salaryCurrency: salary?.currency ?? null,
    salaryInterval: salary?.interval ?? null,
    salaryMinUsd: salary?.annualUsdMin ?? null,
    salaryMaxUsd: salary?.annualUsdMax ?? null,
    sponsorsVisa: posting.sponsorsVisa,
    descriptionHtml: posting.descriptionHtml,
    descriptionText: posting.descriptionText,
    url: posting.url,
    applyUrl: posting.applyUrl,
    postedAt: posting.postedAt,
    lastSeenAt: now,
    sortAt: sortAtFor(posting, firstSeenAt, now),
  };
}

export interface IngestOptions {
  previousFetchedCount?: number | null;
  now?: Date;
  /** Listed in this run with the same raw content as last time: touched, not rewritten. */
  unchangedExternalIds?: readonly string[];
  /** externalId → hash of its raw posting, stored on the sighting. */
  rawHashes?: ReadonlyMap<string, string>;
}

/** The advisory lock that orders runs' writes ("mlradar ingest"); no other lock uses this key. */
const INGEST_LOCK_KEY = 0x6d6c72616461n;

/** A run's postings: all at once, or in batches produced while earlier batches are being written. */
export type PostingBatches = NormalizedPosting[] | AsyncIterable<NormalizedPosting[]>;

/**
 * Write one successful run's postings for one source, in one transaction: batch upserts
 * (unchanged content skipped by hash), sightings, and closing what went missing. Batches given as
 * an async iterable are written while the next one is produced, so normalizing (our CPU) and
 * writing (the database's) overlap.
 */
export async function ingestPostings(
  db: Db,
  sourceId: number,
  postings: PostingBatches,
  options: IngestOptions = {},
): Promise<IngestCounts> {
  const now = options.now ?? new Date();
  const unchangedRaw = options.unchangedExternalIds ?? [];
  const counts: IngestCounts = { fetched: unchangedRaw.length, new: 0, updated: 0, unchanged: unchangedRaw.length, closed: 0, suspicious: false, newPostingIds: [] };

  const batches = Array.isArray(postings) ? [postings][Symbol.iterator]() : postings[Symbol.asyncIterator]();
  // The first batch is produced before the transaction opens: a run of one batch (most runs) holds its
  // transaction only while writing, which matters on the embedded database, where it holds the only session.
  let next = await batches.next();
  await db.$transaction(
    async (tx) => {
      // Runs of sources that share companies (two boards of one employer) would otherwise wait on each
      // other's uncommitted company and posting rows, across batches, and deadlock: one run writes at a
      // time, while fetching and normalizing stay concurrent.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK_KEY}::bigint)`;
      const writer = new RunWriter(tx, sourceId, now, options.rawHashes, counts);
      while (!next.done) {
        const writing = writer.write(next.value);
        // Awaited below; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
        // Let the batch's first statement reach the database before the next batch is produced.
        await setImmediate();
        const following = await batches.next();
        await writing;
        next = following;
      }

      if (unchangedRaw.length) {
        await tx.$executeRaw`
          WITH touched AS (
            UPDATE sighting SET last_seen_at = ${now}, missed_runs = 0
            WHERE source_id = ${sourceId} AND external_id = ANY(${unchangedRaw}::text[])
            RETURNING posting_id)
          UPDATE posting SET last_seen_at = ${now} WHERE id IN (SELECT posting_id FROM touched)`;
      }
      const previous = options.previousFetchedCount ?? 0;
      counts.suspicious = counts.fetched === 0 && previous >= SUSPICIOUS_DROP_FROM;
      const seen = [...new Set([...writer.seenExternalIds, ...unchangedRaw])];
      if (!counts.suspicious) counts.closed = await closeMissing(tx, sourceId, seen, now);
    },
    // A big first run on the embedded (WASM) database can take minutes; it is still one transaction.
    { timeout: 600_000, maxWait: 60_000 },
  );
  return counts;
}

/** Writes a run's batches in order; what earlier batches wrote (companies, dedup keys) carries over. */
class RunWriter {
  readonly seenExternalIds = new Set<string>();
  private readonly companyIds = new Map<string, number>();
  /** Every dedup key of this run → its posting id: one Posting per key, every external id its own sighting. */
  private readonly idByKey = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly sourceId: number,
    private readonly now: Date,
    private readonly rawHashes: ReadonlyMap<string, string> | undefined,
    private readonly counts: IngestCounts,
  ) {}

  async write(postings: NormalizedPosting[]): Promise<void> {
    const { tx, now, counts } = this;
    counts.fetched += postings.length;
    for (const posting of postings) this.seenExternalIds.add(posting.externalId);

    // The first posting of a dedup key in the run wins, as it would in one batch.
    const byKey = new Map<string, NormalizedPosting>();
    for (const posting of postings) if (!this.idByKey.has(posting.dedupKey) && !byKey.has(posting.dedupKey)) byKey.set(posting.dedupKey, posting);
    const unique = [...byKey.values()];
    await this.upsertCompanies(unique);

    const keys = unique.map((p) => p.dedupKey);
    const existing = keys.length
      ? await tx.$queryRaw<ExistingPosting[]>`
          SELECT id, dedup_key, content_hash, closed_at, first_seen_at FROM posting WHERE dedup_key = ANY(${keys}::text[])`
      : [];
    const existingByKey = new Map(existing.map((row) => [row.dedup_key, row]));

    const toCreate: NormalizedPosting[] = [];
    const toUpdate: { row: ExistingPosting; posting: NormalizedPosting }[] = [];
    const unchangedIds: number[] = [];
    for (const posting of unique) {
      const row = existingByKey.get(posting.dedupKey);
      if (!row) toCreate.push(posting);
      else if (row.content_hash !== posting.contentHash || row.closed_at) toUpdate.push({ row, posting });
      else unchangedIds.push(row.id);
    }

    for (const row of existing) this.idByKey.set(row.dedup_key, row.id);
    if (toCreate.length) {
      const created = await insertPostings(tx, toCreate, this.companyIds, this.sourceId, now);
      for (const row of created) this.idByKey.set(row.dedup_key, row.id);
      counts.newPostingIds.push(...created.map((row) => row.id));
    }
    if (toUpdate.length) await updatePostings(tx, toUpdate, this.companyIds, now);
    if (unchangedIds.length) {
      await tx.$executeRaw`UPDATE posting SET last_seen_at = ${now} WHERE id = ANY(${unchangedIds}::int[])`;
    }
    counts.new += toCreate.length;
    counts.updated += toUpdate.length;
    counts.unchanged += unchangedIds.length;

    await upsertSightings(tx, this.sourceId, postings, this.idByKey, now, this.rawHashes);
  }

  private async upsertCompanies(postings: NormalizedPosting[]): Promise<void> {
    const names = new Map<string, string>();
    for (const posting of postings) {
      if (!this.companyIds.has(posting.companySlug) && !names.has(posting.companySlug)) names.set(posting.companySlug, posting.companyName);
    }
    const slugs = [...names.keys()];
    if (!slugs.length) return;
    await this.tx.company.createMany({
      data: slugs.map((slug) => ({ slug, name: names.get(slug)! })),
      skipDuplicates: true,
    });
    const rows = await this.tx.company.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
    for (const row of rows) this.companyIds.set(row.slug, row.id);
  }
}

type Tx = Prisma.TransactionClient;

/** The posting's columns as a snake_case record, for jsonb_to_recordset. */
function columnRecord(c: ReturnType<typeof postingColumns>) {
  return {
    dedup_key: c.dedupKey,
    content_hash: c.contentHash,
    company_id: c.companyId,
    company_name: c.companyName,
    title: c.title,
    locations: c.locations,
    countries: c.countries,
    cities: c.cities,
    remote: c.remote,
    remote_regions: c.remoteRegions,
    tz_min_offset: c.tzMinOffset,
    tz_max_offset: c.tzMaxOffset,
    employment_type: c.employmentType,
    level: c.level,
    family: c.family,
    fit: c.fit,
    fit_score: c.fitScore,
    fit_reasons: c.fitReasons,
    skills: c.skills,
    salary_text: c.salaryText,
    salary_min: c.salaryMin,
    salary_max: c.salaryMax,
    salary_currency: c.salaryCurrency,
    salary_interval: c.salaryInterval,
    salary_min_usd: c.salaryMinUsd,
    salary_max_usd: c.salaryMaxUsd,
    sponsors_visa: c.sponsorsVisa,
    description_html: c.descriptionHtml,
    description_text: c.descriptionText,
    url: c.url,
    apply_url: c.applyUrl,
    posted_at: c.postedAt?.toISOString() ?? null,
    sort_at: c.sortAt.toISOString(),
  };
}

const RECORD_COLUMNS = Prisma.sql`
  dedup_key text, content_hash text, company_id int, company_name text, title text, locations jsonb,
  countries text[], cities text[], remote text, remote_regions text[], tz_min_offset int, tz_max_offset int,
  employment_type text, level text, family text, fit boolean, fit_score float8, fit_reasons text[], skills text[],
  salary_text text, salary_min float8, salary_max float8, salary_currency text, salary_interval text,
  salary_min_usd int, salary_max_usd int, sponsors_visa boolean, description_html text, description_text text,
  url text, apply_url text, posted_at timestamp(3), sort_at timestamp(3)`;

/**
 * One INSERT for the whole batch (Prisma's createMany sends it in parameter-limited chunks, twice as
 * slow). source_kinds starts as the trigger on sighting would set it, so that trigger writes nothing.
 */
async function insertPostings(
  tx: Tx,
  postings: NormalizedPosting[],
  companyIds: Map<string, number>,
  sourceId: number,
  now: Date,
): Promise<{ id: number; dedup_key: string }[]> {
  const rows = postings.map((posting) => columnRecord(postingColumns(posting, companyIds.get(posting.companySlug)!, now, now)));
  return tx.$queryRaw<{ id: number; dedup_key: string }[]>`
    INSERT INTO posting (
      dedup_key, content_hash, company_id, company_name, title, locations, countries, cities, remote, remote_regions,
      tz_min_offset, tz_max_offset, employment_type, level, family, fit, fit_score, fit_reasons, skills,
      salary_text, salary_min, salary_max, salary_currency, salary_interval, salary_min_usd, salary_max_usd, sponsors_visa,
      description_html, description_text, url, apply_url, posted_at, sort_at, first_seen_at, last_seen_at, updated_at, source_kinds)
    SELECT
      d.dedup_key, d.content_hash, d.company_id, d.company_name, d.title, d.locations, d.countries, d.cities,
      d.remote::"RemoteType", d.remote_regions, d.tz_min_offset, d.tz_max_offset, d.employment_type::"EmploymentType",
      d.level::"Level", d.family::"RoleFamily", d.fit, d.fit_score, d.fit_reasons, d.skills,
      d.salary_text, d.salary_min, d.salary_max, d.salary_currency, d.salary_interval::"SalaryInterval",
      d.salary_min_usd, d.salary_max_usd, d.sponsors_visa, d.description_html, d.description_text, d.url, d.apply_url,
      d.posted_at, d.sort_at, ${now}, ${now}, ${now}, (SELECT ARRAY[kind] FROM source WHERE id = ${sourceId})
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(${RECORD_COLUMNS})
    RETURNING id, dedup_key`;
}

async function updatePostings(
  tx: Tx,
  updates: { row: ExistingPosting; posting: NormalizedPosting }[],
  companyIds: Map<string, number>,
  now: Date,
): Promise<void> {
  // One statement for the whole batch: the rows travel as one JSON parameter.
  const rows = updates.map(({ row, posting }) => ({
    id: row.id,
    ...columnRecord(postingColumns(posting, companyIds.get(posting.companySlug)!, row.first_seen_at, now)),
  }));
  await tx.$executeRaw`
    UPDATE posting AS p SET
      content_hash = d.content_hash, company_id = d.company_id, company_name = d.company_name, title = d.title,
      locations = d.locations, countries = d.countries, cities = d.cities, remote = d.remote::"RemoteType",
      remote_regions = d.remote_regions, tz_min_offset = d.tz_min_offset, tz_max_offset = d.tz_max_offset,
      employment_type = d.employment_type::"EmploymentType", level = d.level::"Level", family = d.family::"RoleFamily",
      fit = d.fit, fit_score = d.fit_score, fit_reasons = d.fit_reasons, skills = d.skills,
      salary_text = d.salary_text, salary_min = d.salary_min, salary_max = d.salary_max,
      salary_currency = d.salary_currency, salary_interval = d.salary_interval::"SalaryInterval",
      salary_min_usd = d.salary_min_usd, salary_max_usd = d.salary_max_usd, sponsors_visa = d.sponsors_visa,
      description_html = d.description_html, description_text = d.description_text,
      url = d.url, apply_url = d.apply_url, posted_at = d.posted_at, sort_at = d.sort_at,
      last_seen_at = ${now}, closed_at = NULL, updated_at = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(id int, ${RECORD_COLUMNS})
    WHERE p.id = d.id`;
}

async function upsertSightings(
  tx: Tx,
  sourceId: number,
  postings: NormalizedPosting[],
  idByKey: Map<string, number>,
  now: Date,
  rawHashes: ReadonlyMap<string, string> | undefined,
): Promise<void> {
  const seen = new Map<string, NormalizedPosting>();
  for (const posting of postings) seen.set(posting.externalId, posting);
  if (!seen.size) return;
  const rows = [...seen.values()].map((posting) => ({
    posting_id: idByKey.get(posting.dedupKey)!,
    external_id: posting.externalId,
    url: posting.url,
    raw: posting.raw,
    raw_hash: rawHashes?.get(posting.externalId) ?? null,
  }));
  await tx.$executeRaw`
    INSERT INTO sighting (posting_id, source_id, external_id, url, first_seen_at, last_seen_at, missed_runs, closed_at, raw, raw_hash)
    SELECT d.posting_id, ${sourceId}, d.external_id, d.url, ${now}, ${now}, 0, NULL, d.raw, d.raw_hash
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(posting_id int, external_id text, url text, raw jsonb, raw_hash text)
    ON CONFLICT (source_id, external_id) DO UPDATE SET
      posting_id = EXCLUDED.posting_id, url = EXCLUDED.url, last_seen_at = EXCLUDED.last_seen_at,
      missed_runs = 0, closed_at = NULL, raw = EXCLUDED.raw, raw_hash = EXCLUDED.raw_hash`;
}

/** Count a miss for every open sighting of this source not in the run; close postings left with no open sighting. */
async function closeMissing(tx: Tx, sourceId: number, seenIds: string[], now: Date): Promise<number> {
  await tx.$executeRaw`
    UPDATE sighting SET
      missed_runs = missed_runs + 1,
      closed_at = CASE WHEN missed_runs + 1 >= ${MISSES_BEFORE_CLOSE} THEN ${now}::timestamp(3) ELSE NULL END
    WHERE source_id = ${sourceId} AND closed_at IS NULL AND NOT (external_id = ANY(${seenIds}::text[]))`;
  return tx.$executeRaw`
    UPDATE posting AS p SET closed_at = ${now}, updated_at = ${now}
    WHERE p.closed_at IS NULL
      AND p.id IN (SELECT posting_id FROM sighting WHERE source_id = ${sourceId} AND closed_at = ${now}::timestamp(3))
      AND NOT EXISTS (SELECT 1 FROM sighting s WHERE s.posting_id = p.id AND s.closed_at IS NULL)`;
}
