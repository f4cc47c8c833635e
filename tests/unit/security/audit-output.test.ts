import { describe, expect, it } from "vitest";
import { auditExitCode, readAuditOutput } from "@/scripts/audit";

const report = (high: number, critical: number) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: { vulnerabilities: { info: 0, low: 3, moderate: 2, high, critical, total: 5 + high + critical } },
  });

describe("CI dependency audit", () => {
  it("fails on a high or a critical advisory", () => {
    expect(auditExitCode(readAuditOutput(report(1, 0)))).toBe(1);
    expect(auditExitCode(readAuditOutput(report(0, 2)))).toBe(1);
  });

  it("passes when only low and moderate advisories exist", () => {
    expect(readAuditOutput(report(0, 0))).toEqual({ kind: "report", high: 0, critical: 0 });
    expect(auditExitCode(readAuditOutput(report(0, 0)))).toBe(0);
  });

  it("treats a registry without the audit endpoint as unavailable, not as a pass with figures", () => {
    // What this machine's registry mirror answers (npm audit --json, HTTP 405).
    const mirror = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      body: "",
      error: { summary: "", detail: "" },
    });
    const outcome = readAuditOutput(mirror);
    expect(outcome).toEqual({ kind: "unavailable", reason: expect.stringContaining("405") });
    expect(auditExitCode(outcome)).toBe(0);
  });

  it("treats output that is not JSON as unavailable", () => {
    expect(readAuditOutput("<html>502 Bad Gateway</html>")).toMatchObject({ kind: "unavailable" });
    expect(readAuditOutput("")).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("empty") });
  });
});
