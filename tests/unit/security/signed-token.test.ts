import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "@/lib/security/signed-token";

const SECRET = "s".repeat(40);

describe("signed tokens", () => {
  it("verify for their own subject and purpose only", () => {
    const token = signToken("feed", "search1", SECRET);
    expect(verifyToken("feed", token, SECRET)).toBe("search1");
    expect(verifyToken("unsubscribe", token, SECRET)).toBeNull();
    expect(verifyToken("feed", token, "t".repeat(40))).toBeNull();
    const mac = token.split(".")[1];
    expect(verifyToken("feed", `search2.${mac}`, SECRET)).toBeNull();
    expect(verifyToken("feed", token.slice(0, -1), SECRET)).toBeNull();
    expect(verifyToken("feed", "search1", SECRET)).toBeNull();
    expect(verifyToken("feed", "", SECRET)).toBeNull();
  });

  it("refuses subjects that could smuggle a separator", () => {
    expect(() => signToken("feed", "a.b", SECRET)).toThrow();
  });
});
