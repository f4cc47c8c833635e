import type { Db } from "@/lib/db";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { getScraper } from "@/scrapers/registry";

export interface SourceRef {
  id: number;
  kind: SourceKind;
  token: string;
  lastFetchedCount: number | null;
  httpValidators: unknown;
}

const sourceRefSelect = { id: true, kind: true, token: true, lastFetchedCount: true, httpValidators: true } as const;

/** Find or create the Source for a board, carrying the board's terms of use. */
export async function ensureSource(db: Db, kind: SourceKind, token: string): Promise<SourceRef> {
  const existing = await db.source.findUnique({ where: { kind_token: { kind, token } }, select: sourceRefSelect });
  if (existing) return existing;
  const { terms } = getScraper(kind);
  return db.source.upsert({
    where: { kind_token: { kind, token } },
    update: {},
    create: {
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
