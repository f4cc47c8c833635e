/**
 * Mail for e2e: an SMTP server on 127.0.0.1 that writes every message it accepts to a folder as
 * .eml, and the state file through which specs find that folder and the database.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface E2eState {
  databaseUrl: string;
  smtpUrl: string;
  mailDir: string;
  authSecret: string;
  siteUrl: string;
}

export function e2eStateFile(port: string): string {
  return path.join(tmpdir(), `mlradar-e2e-${port}`, "state.json");
}

export function writeE2eState(port: string, state: E2eState): void {
  mkdirSync(path.dirname(e2eStateFile(port)), { recursive: true });
  writeFileSync(e2eStateFile(port), JSON.stringify(state));
}

export function readE2eState(port: string): E2eState {
  return JSON.parse(readFileSync(e2eStateFile(port), "utf8")) as E2eState;
}

export async function startMailCapture(port: string): Promise<{ url: string; dir: string; close(): Promise<void> }> {
  const dir = path.join(tmpdir(), `mlradar-e2e-${port}`, "mail");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        writeFileSync(path.join(dir, `${Date.now()}-${String(count++).padStart(5, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: smtpPort } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${smtpPort}`, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
