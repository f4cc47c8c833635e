import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database-factory";

export type { TestDatabase };

/** Registers beforeAll/afterAll hooks; the returned object is filled once beforeAll has run. */
export function setupTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    Object.assign(handle, { url: created.url, db: created.db, engine: created.engine });
    drop = created.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return handle;
}
