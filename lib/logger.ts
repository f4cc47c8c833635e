import pino, { type Logger } from "pino";
import { env } from "./env";

let root: Logger | undefined;

/** Structured JSON logs (pino) on stderr, so CLI output on stdout stays machine-readable. */
export function logger(): Logger {
  root ??= pino({ level: env().LOG_LEVEL, base: { app: "mlradar" } }, pino.destination({ fd: 2, sync: true }));
  return root;
}
