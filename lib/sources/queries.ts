import type { Db } from "@/lib/db";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { companySlug } from "@/lib/normalize/dedup";
import { getScraper } from "@/scrapers/registry";

export interface SourceRef {
  id: number;
  kind: SourceKind;
  token: string;
  lastFetchedCount: number | null;
  httpValidators: unknown;
  company: { name: string } | null;
}

const sourceRefSelect = {
  id: true,
  kind: true,
  token: true,
  lastFetchedCount: true,
  httpValidators: true,
  company: { select: { name: true } },
} as const;

async function companyIdFor(db: Db, name: string | undefined): Promise<number | undefined> {
  if (!name) return undefined;
  const slug = companySlug(name);
  const company = await db.company.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } });
  return company.id;
}

/** Find or create the Source for a board, carrying the board's terms of use (and its company, when named). */
export async function ensureSource(db: Db, kind: SourceKind, token: string, options: { companyName?: string } = {}): Promise<SourceRef> {
  const existing = await db.source.findUnique({ where: { kind_token: { kind, token } }, select: sourceRefSelect });
  if (existing && (existing.company || !options.companyName)) return existing;
  const { terms } = getScraper(kind);
  const companyId = await companyIdFor(db, options.companyName);
  return db.source.upsert({
    where: { kind_token: { kind, token } },
    update: { companyId },
    create: {
      companyId,
      kind,
      token,
      enabled: terms.listingAllowed,
      disabledReason: terms.listingAllowed ? null : (terms.disabledReason ?? "the board's terms do not allow listing its postings"),
      termsUrl: terms.termsUrl ?? null,
      attribution: terms.attribution ?? null,
      listingAllowed: terms.listingAllowed,
    },
    select: sourceRefSelect,
  });
}

export async function listSourcesWithLastRun(db: Db) {
  return db.source.findMany({
    orderBy: [{ kind: "asc" }, { token: "asc" }],
    select: {
      id: true,
      kind: true,
      token: true,
      enabled: true,
      disabledReason: true,
      lastRunAt: true,
      lastRunStatus: true,
      lastSuccessAt: true,
      lastFetchedCount: true,
      lastError: true,
      company: { select: { name: true, slug: true } },
      _count: { select: { sightings: { where: { closedAt: null } } } },
    },
  });
}

/** Who a source without a company of its own (a career page, a Hacker News thread) lists open postings for. */
export interface SourceCompanies {
  /** Companies with an open posting from the source. */
  count: number;
  /** The company, when there is exactly one. */
  only: { name: string; slug: string } | null;
}

/** The companies behind each of these sources' open postings, by source id (sources with none are left out). */
export async function companiesBySource(db: Db, sourceIds: readonly number[]): Promise<Map<number, SourceCompanies>> {
  if (!sourceIds.length) return new Map();
  const rows = await db.$queryRaw<{ sourceId: number; count: number; name: string; slug: string }[]>`
    SELECT s.source_id AS "sourceId", count(DISTINCT c.id)::int AS count, min(c.name) AS name, min(c.slug) AS slug
    FROM sighting s JOIN posting p ON p.id = s.posting_id JOIN company c ON c.id = p.company_id
    WHERE s.closed_at IS NULL AND s.source_id = ANY(${[...sourceIds]}::int[])
    GROUP BY s.source_id`;
  return new Map(rows.map((r) => [r.sourceId, { count: r.count, only: r.count === 1 ? { name: r.name, slug: r.slug } : null }]));
}

export async function listEnabledSources(db: Db): Promise<SourceRef[]> {
  return db.source.findMany({ where: { enabled: true }, orderBy: { id: "asc" }, select: sourceRefSelect });
}

export async function findSource(db: Db, kind: SourceKind, token: string): Promise<SourceRef | null> {
  return db.source.findUnique({ where: { kind_token: { kind, token } }, select: sourceRefSelect });
}
