import { ensureDatabase, stopEmbeddedDatabase } from "../lib/db";
import { migrate } from "../lib/database/migrator";

const url = await ensureDatabase();
try {
  const result = await migrate(url, { log: (line) => console.log(line) });
  console.log(
    `migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`,
  );
} catch (error) {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stopEmbeddedDatabase();
}
