// Runs once when the server starts: with no DATABASE_URL, start (or join) the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ensureDatabase } = await import("./lib/db");
    await ensureDatabase();
  }
}
