import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const FILE_NAME = "auth-secret";
const cache = new Map<string, string>();

/**
 * The secret kept in dataDir, created on first use. Written to a temporary file and then linked
 * into place (atomic, fails if it exists) so processes starting at once agree on one secret.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.resolve(dataDir, FILE_NAME);
  const known = cache.get(file);
  if (known) return known;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one`);
  cache.set(file, secret);
  return secret;
}

/** AUTH_SECRET, or a random secret generated once and kept in DATA_DIR (so `npm start` needs nothing set). */
export function authSecret(): string {
  const config = env();
  return config.AUTH_SECRET ?? loadOrCreateSecret(config.DATA_DIR);
}
