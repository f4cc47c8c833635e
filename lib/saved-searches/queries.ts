import "server-only";
import { getDb } from "@/lib/db";
import { NotFoundError, BadRequestError, RateLimitedError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { nextDigestAt } from "@/lib/alerts/windows";
import { COUNT_CAP } from "@/lib/search/listing";
import { filterWhere } from "@/lib/search/query-builder";
import { postingFilterSchema, type PostingFilter } from "@/lib/search/schemas";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { filtersHash } from "./canonical";
import { MAX_SAVED_SEARCHES, SAVES_PER_USER_PER_HOUR, type Frequency, type SavedSearchUpdate } from "./schemas";

export interface SavedSearchView {
  id: string;
  name: string;
  filter: PostingFilter;
  frequency: Frequency;
  sendHour: number;
  paused: boolean;
  nextSendAt: Date | null;
  lastSentAt: Date | null;
  /** Open postings matching the filter right now (at most COUNT_CAP). */
  matchingOpen: number;
  capped: boolean;
}

/** When a daily or weekly digest goes out next; instant alerts have no fixed time. */
export function nextSendAtFor(frequency: Frequency, sendHour: number, timeZone: string, now: Date): Date | null {
  return frequency === "instant" ? null : nextDigestAt(frequency, sendHour, timeZone, now);
}

async function userTimeZone(userId: string): Promise<string> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  if (!user) throw new NotFoundError("No such user");
  return user.timeZone;
}

async function countMatching(filter: PostingFilter, now: Date): Promise<number> {
  const [row] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM posting p WHERE ${filterWhere(filter, now)} LIMIT ${COUNT_CAP + 1}) x`;
  return row?.n ?? 0;
}

/** The user's saved searches, newest first, each with its next send time and how many open postings match it now. */
export async function listSavedSearches(userId: string, now = new Date()): Promise<SavedSearchView[]> {
  const rows = await getDb().savedSearch.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, filters: true, frequency: true, sendHour: true, paused: true, nextSendAt: true, lastSentAt: true },
  });
  return Promise.all(
    rows.map(async (row) => {
      const filter = postingFilterSchema.catch({}).parse(row.filters);
      const count = await countMatching(filter, now);
      return { ...row, filter, matchingOpen: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
    }),
  );
}

export interface NewSavedSearch {
  name: string;
  frequency: Frequency;
  sendHour: number;
  filter: PostingFilter;
}

export async function createSavedSearch(userId: string, input: NewSavedSearch, now = new Date()): Promise<{ id: string }> {
  const db = getDb();
  const filter = postingFilterSchema.parse(input.filter);
  if ((await db.savedSearch.count({ where: { userId } })) >= MAX_SAVED_SEARCHES) {
    throw new BadRequestError(`You can keep at most ${MAX_SAVED_SEARCHES} saved searches; delete one first.`);
  }
  const limit = await consumeRateLimit(db, { key: `save-search:user:${userId}`, limit: SAVES_PER_USER_PER_HOUR, windowMs: 3_600_000 }, now);
  if (!limit.allowed) {
    throw new RateLimitedError(`You can save at most ${SAVES_PER_USER_PER_HOUR} searches an hour; try again later.`, limit.retryAfterSeconds);
  }
  return db.savedSearch.create({
    data: {
      userId,
      name: input.name,
      filters: filter as Prisma.InputJsonValue,
      filtersHash: filtersHash(filter),
      frequency: input.frequency,
      sendHour: input.sendHour,
      nextSendAt: nextSendAtFor(input.frequency, input.sendHour, await userTimeZone(userId), now),
    },
    select: { id: true },
  });
}

/** Load a search of this user, or 404 (also for another user's search: its existence is not revealed). */
async function ownSearch(userId: string, id: string) {
  const search = await getDb().savedSearch.findFirst({ where: { id, userId }, select: { id: true, frequency: true, sendHour: true, paused: true } });
  if (!search) throw new NotFoundError("No such saved search");
  return search;
}

export async function updateSavedSearch(userId: string, id: string, patch: SavedSearchUpdate, now = new Date()): Promise<void> {
  const search = await ownSearch(userId, id);
  const frequency = patch.frequency ?? search.frequency;
  const sendHour = patch.sendHour ?? search.sendHour;
  await getDb().savedSearch.updateMany({
    where: { id, userId },
    data: { ...patch, nextSendAt: nextSendAtFor(frequency, sendHour, await userTimeZone(userId), now) },
  });
}

export async function setSavedSearchPaused(userId: string, id: string, paused: boolean, now = new Date()): Promise<void> {
  const search = await ownSearch(userId, id);
  // Resuming starts from now: what matched while paused is not sent.
  const nextSendAt = paused ? undefined : nextSendAtFor(search.frequency, search.sendHour, await userTimeZone(userId), now);
  await getDb().savedSearch.updateMany({ where: { id, userId }, data: { paused, ...(nextSendAt !== undefined ? { nextSendAt } : {}) } });
}

export async function deleteSavedSearch(userId: string, id: string): Promise<void> {
  const { count } = await getDb().savedSearch.deleteMany({ where: { id, userId } });
  if (count === 0) throw new NotFoundError("No such saved search");
}

/** The user's time zone moves every daily and weekly send time with it. */
export async function setUserTimeZone(userId: string, timeZone: string, now = new Date()): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    const digests = await tx.savedSearch.findMany({ where: { userId, frequency: { not: "instant" } }, select: { id: true, frequency: true, sendHour: true } });
    for (const search of digests) {
      await tx.savedSearch.update({ where: { id: search.id }, data: { nextSendAt: nextSendAtFor(search.frequency, search.sendHour, timeZone, now) } });
    }
  });
}

/** A search by id for a token-authorized reader (private feed, unsubscribe page): no user check, the token is the credential. */
export async function getSavedSearchById(id: string): Promise<{ id: string; name: string; filter: PostingFilter; paused: boolean } | null> {
  const row = await getDb().savedSearch.findUnique({ where: { id }, select: { id: true, name: true, filters: true, paused: true } });
  return row ? { id: row.id, name: row.name, paused: row.paused, filter: postingFilterSchema.catch({}).parse(row.filters) } : null;
}

/** One-click unsubscribe: pause the search at once. */
export async function pauseSavedSearchById(id: string): Promise<{ name: string } | null> {
  const rows = await getDb().savedSearch.updateManyAndReturn({ where: { id }, data: { paused: true }, select: { name: true } });
  return rows[0] ?? null;
}
