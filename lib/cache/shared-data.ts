import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { ensureDatabase } from "@/lib/db";

/** How long visitors may share the same computed data; the scrapers change it a few times an hour at most. */
export const SHARED_DATA_SECONDS = 60;

let databaseKey: Promise<string> | undefined;
/** Part of every key, so a build's on-disk cache never answers for another database. */
function currentDatabaseKey(): Promise<string> {
  databaseKey ??= ensureDatabase().then((url) => createHash("sha256").update(url).digest("hex").slice(0, 16));
  return databaseKey;
}

/**
 * `compute` through Next's data cache: at most SHARED_DATA_SECONDS old (a stale entry is served once
 * while it is computed again), keyed by the database, `name` and the (string) arguments. Results
 * travel as JSON, so dates come back as strings.
 */
export function sharedData<Args extends string[], Result>(name: string, compute: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  const cached = unstable_cache(async (_database: string, ...args: Args) => compute(...args), [name], { revalidate: SHARED_DATA_SECONDS, tags: ["listing"] });
  return async (...args: Args) => cached(await currentDatabaseKey(), ...args);
}
