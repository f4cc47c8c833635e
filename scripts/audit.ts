/**
 * CI's dependency audit: `npm audit --omit=dev --audit-level=high`, failing on a high or critical
 * advisory. A registry (or mirror) without the audit endpoint answers with an HTTP error or
 * something that is not an audit report; that is printed as a warning and does not fail the build,
 * because it says nothing about our dependencies.
 */
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { z } from "zod";

const auditReportSchema = z.object({
  metadata: z.object({
    vulnerabilities: z.object({ high: z.number().int().min(0), critical: z.number().int().min(0) }),
  }),
});

export type AuditOutcome =
  | { kind: "unavailable"; reason: string }
  | { kind: "report"; high: number; critical: number };

/** Reads `npm audit --json` output: an audit report, or why there is none. */
export function readAuditOutput(stdout: string): AuditOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { kind: "unavailable", reason: `not JSON: ${stdout.trim().slice(0, 200) || "(empty output)"}` };
  }
  const report = auditReportSchema.safeParse(parsed);
  if (report.success) {
    const { high, critical } = report.data.metadata.vulnerabilities;
    return { kind: "report", high, critical };
  }
  const error = z.object({ message: z.string().optional(), statusCode: z.number().optional() }).safeParse(parsed);
  const message = error.success ? (error.data.message ?? `HTTP ${error.data.statusCode ?? "?"}`) : "unexpected JSON";
  return { kind: "unavailable", reason: message };
}

/** Exit code for CI: 1 only when the registry reported a high or critical advisory. */
export function auditExitCode(outcome: AuditOutcome): 0 | 1 {
  return outcome.kind === "report" && outcome.high + outcome.critical > 0 ? 1 : 0;
}

function main(): void {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const outcome = result.error
    ? { kind: "unavailable" as const, reason: result.error.message }
    : readAuditOutput(result.stdout ?? "");
  if (outcome.kind === "unavailable") {
    console.warn(`WARNING: npm audit could not run against this registry (${outcome.reason}); dependencies NOT audited`);
  } else if (auditExitCode(outcome) === 1) {
    console.error(`npm audit: ${outcome.high} high and ${outcome.critical} critical advisories in production dependencies`);
    spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit" });
  } else {
    console.log("npm audit: no high or critical advisory in production dependencies");
  }
  process.exit(auditExitCode(outcome));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
