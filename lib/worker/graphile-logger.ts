import { Logger as GraphileLogger, type LogLevel } from "graphile-worker";
import type { Logger } from "pino";

const pinoLevel: Record<LogLevel, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warning: "warn",
  info: "info",
  debug: "debug",
};

/** graphile-worker's own messages as pino lines, with its scope (worker id, job id, task) as fields. */
export function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => {
    const child = log.child({ component: "graphile-worker", ...scope });
    return (level, message) => child[pinoLevel[level]](message);
  });
}
