import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cookiePolicy } from "@/lib/auth/cookies";
import { nextPathSchema, signInRequestSchema } from "@/lib/auth/schemas";
import { loadOrCreateSecret } from "@/lib/auth/secret";
import { newSignInToken, signInTokenIdentifier } from "@/lib/auth/sign-in-token";

describe("auth rules", () => {
  it("uses __Host- cookies with Secure over https, plain names over http", () => {
    expect(cookiePolicy("https://mlradar.example")).toMatchObject({ secure: true, names: { session_token: "__Host-mlradar.session" } });
    expect(cookiePolicy("http://localhost:3000")).toMatchObject({ secure: false, names: { session_token: "mlradar.session" } });
  });

  it("makes 256-bit tokens and stores only a hash of them", () => {
    const token = newSignInToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newSignInToken()).not.toBe(token);
    expect(signInTokenIdentifier(token)).not.toContain(token);
    expect(signInTokenIdentifier(token)).toMatch(/^magic-link:[A-Za-z0-9_-]{43}$/);
  });

  it("only redirects to paths on this site after sign-in", () => {
    expect(nextPathSchema.parse("/account/searches/new?level=staff")).toBe("/account/searches/new?level=staff");
    for (const evil of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/x y"]) {
      expect(nextPathSchema.parse(evil)).toBe("/account/searches");
    }
    expect(signInRequestSchema.parse({ email: " Ada@Example.TEST " }).email).toBe("ada@example.test");
  });

  it("generates the secret once and keeps it in DATA_DIR", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlradar-secret-"));
    const first = loadOrCreateSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(dir)).toBe(first);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o077).toBe(0);
  });
});
