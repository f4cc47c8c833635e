import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/db";
import { setupTestDatabase } from "@/tests/helpers/test-database";

describe("a transaction while another client holds one open", () => {
  const database = setupTestDatabase();

  it("waits for it rather than failing after Prisma's 2 s default (the embedded database has one session)", async () => {
    const other = createClient(database.url);
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      // Another process's ingest, say: a transaction that stays open for 3 s.
      const long = other.$transaction(async (tx) => {
        await tx.source.create({ data: { kind: "greenhouse", token: "busy-database" } });
        opened();
        await released;
      });
      await isOpen;
      const holdFor = sleep(3_000).then(release);

      const started = performance.now();
      // Two statements, as finishing a ScrapeRun has: a one-statement batch needs no transaction.
      const [count] = await database.db.$transaction([
        database.db.source.count({ where: { token: "busy-database" } }),
        database.db.source.count(),
      ]);
      const waitedMs = performance.now() - started;
      await Promise.all([holdFor, long]);

      if (database.engine === "pglite") {
        // The embedded database serves one transaction at a time: ours began after the other committed.
        expect(waitedMs).toBeGreaterThan(2_500);
        expect(count).toBe(1);
      } else {
        // PostgreSQL runs both at once; ours cannot see the other's uncommitted row.
        expect(count).toBe(0);
      }
    } finally {
      await other.$disconnect();
    }
  }, 30_000);
});
