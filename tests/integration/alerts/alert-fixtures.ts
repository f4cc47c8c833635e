import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { filtersHash } from "@/lib/saved-searches/canonical";
import type { PostingFilter } from "@/lib/search/schemas";

export async function createUser(db: Db, email: string, options: { verified?: boolean; timeZone?: string } = {}): Promise<string> {
  const user = await db.user.create({
    data: { id: randomUUID(), email, emailVerified: options.verified ?? true, timeZone: options.timeZone ?? "UTC" },
  });
  return user.id;
}

export async function createSearch(
  db: Db,
  userId: string,
  filter: PostingFilter,
  options: { name?: string; frequency?: "instant" | "daily" | "weekly"; sendHour?: number; paused?: boolean; nextSendAt?: Date | null } = {},
): Promise<string> {
  const search = await db.savedSearch.create({
    data: {
      userId,
      name: options.name ?? "Test search",
      filters: filter as Prisma.InputJsonValue,
      filtersHash: filtersHash(filter),
      frequency: options.frequency ?? "instant",
      sendHour: options.sendHour ?? 8,
      paused: options.paused ?? false,
      nextSendAt: options.nextSendAt ?? null,
    },
  });
  return search.id;
}

let sourceCount = 0;

/** Ingest postings as one run of a fresh source; returns the ids of the postings it created. */
export async function ingest(db: Db, postings: NormalizedPosting[], now = new Date()): Promise<number[]> {
  const source = await db.source.create({ data: { kind: "greenhouse", token: `alerts-${process.pid}-${sourceCount++}-${randomUUID()}` } });
  return (await ingestPostings(db, source.id, postings, { now })).newPostingIds;
}
