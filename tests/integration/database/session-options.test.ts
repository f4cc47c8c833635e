import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/db";
import { setupTestDatabase } from "@/tests/helpers/test-database";

describe("the app's database connections", () => {
  const database = setupTestDatabase();

  it("have work_mem large enough that a broad word's bitmap stays exact (lib/db.ts SESSION_OPTIONS)", async () => {
    const client = createClient(database.url);
    try {
      const [row] = await client.$queryRaw<{ work_mem: string }[]>`SELECT current_setting('work_mem') AS work_mem`;
      expect(row?.work_mem).toBe("16MB");
    } finally {
      await client.$disconnect();
    }
  });
});
