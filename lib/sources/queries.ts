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
      company: { select: { name: true } },
      _count: { select: { sightings: { where: { closedAt: null } } } },
    },
  });
}

export async function listEnabledSources(db: Db): Promise<SourceRef[]> {
  return db.source.findMany({ where: { enabled: true }, orderBy: { id: "asc" }, select: sourceRefSelect });
}

export async function findSource(db: Db, kind: SourceKind, token: string): Promise<SourceRef | null> {
  return db.source.findUnique({ where: { kind_token: { kind, token } }, select: sourceRefSelect });
}
