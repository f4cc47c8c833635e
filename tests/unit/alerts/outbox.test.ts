import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devMailEnabled, listOutbox } from "@/lib/alerts/outbox";
import { createOutboxTransport } from "@/lib/alerts/transport";

describe("the outbox transport (no SMTP_URL)", () => {
  it("writes each message as .eml with one-line prepared headers, listed newest first", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlradar-outbox-"));
    const transport = createOutboxTransport(dir, "mlradar <alerts@localhost>");
    const longUrl = `https://mlradar.example/unsubscribe/${"a".repeat(30)}.${"b".repeat(43)}`;
    await transport.send({ to: "ada@example.test", subject: "First", html: "<p>one</p>", text: "one", headers: { "List-Unsubscribe": `<${longUrl}>` } });
    await transport.send({ to: "ada@example.test", subject: "Second", html: "<p>two</p>", text: "two https://mlradar.example/x" });
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    const first = readFileSync(path.join(dir, files.find((f) => f.endsWith(".eml"))!), "utf8");
    expect(first.split("\n")).toContain(`List-Unsubscribe: <${longUrl}>`);
    expect(listOutbox(dir).map((m) => m.subject)).toEqual(["Second", "First"]);
    transport.close();
  });

  it("is shown at /dev/mail only without SMTP, in development or on a loopback site", () => {
    expect(devMailEnabled({ NODE_ENV: "development", SMTP_URL: undefined, SITE_URL: "https://mlradar.example" })).toBe(true);
    expect(devMailEnabled({ NODE_ENV: "production", SMTP_URL: undefined, SITE_URL: "http://localhost:3000" })).toBe(true);
    expect(devMailEnabled({ NODE_ENV: "production", SMTP_URL: undefined, SITE_URL: "https://mlradar.example" })).toBe(false);
    expect(devMailEnabled({ NODE_ENV: "development", SMTP_URL: "smtp://mail:25", SITE_URL: "http://localhost:3000" })).toBe(false);
  });
});
