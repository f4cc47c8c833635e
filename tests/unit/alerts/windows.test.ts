import { describe, expect, it } from "vitest";
import { digestWindowKey, instantWindowKey, localParts, nextDigestAt, zonedHourToUtc } from "@/lib/alerts/windows";

describe("send windows", () => {
  it("names instant windows after the UTC quarter hour", () => {
    expect(instantWindowKey(new Date("2026-11-26T15:29:59.999Z"))).toBe("instant:2026-11-26T15:15");
    expect(instantWindowKey(new Date("2026-11-26T15:30:00Z"))).toBe("instant:2026-11-26T15:30");
  });

  it("finds the wall-clock hour in a zone, across DST changes", () => {
    expect(zonedHourToUtc(2026, 11, 26, 8, "Europe/Berlin").toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(zonedHourToUtc(2026, 7, 1, 8, "Europe/Berlin").toISOString()).toBe("2026-07-01T06:00:00.000Z");
    expect(zonedHourToUtc(2026, 11, 26, 8, "America/Los_Angeles").toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(zonedHourToUtc(2026, 11, 26, 8, "Asia/Kolkata").toISOString()).toBe("2026-11-26T02:30:00.000Z");
    // 02:00 does not exist in Berlin on 2026-03-29: the digest goes at 03:00 local.
    expect(localParts(zonedHourToUtc(2026, 3, 29, 2, "Europe/Berlin"), "Europe/Berlin").hour).toBe(3);
  });

  it("sends daily digests at the next local hour strictly after now", () => {
    const before = new Date("2026-11-26T06:59:00Z");
    expect(nextDigestAt("daily", 8, "Europe/Berlin", before).toISOString()).toBe("2026-11-26T07:00:00.000Z");
    const at = new Date("2026-11-26T07:00:00Z");
    expect(nextDigestAt("daily", 8, "Europe/Berlin", at).toISOString()).toBe("2026-11-27T07:00:00.000Z");
    // Late evening in Los Angeles is already tomorrow in UTC: the local date counts.
    expect(nextDigestAt("daily", 23, "America/Los_Angeles", new Date("2026-11-27T06:00:00Z")).toISOString()).toBe("2026-11-27T07:00:00.000Z");
  });

  it("sends weekly digests on Mondays at the local hour", () => {
    // 2026-11-26 is a Thursday.
    const next = nextDigestAt("weekly", 9, "Europe/Berlin", new Date("2026-11-26T12:00:00Z"));
    expect(next.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(localParts(next, "Europe/Berlin").weekday).toBe(1);
    expect(nextDigestAt("weekly", 9, "Europe/Berlin", new Date("2026-11-30T07:59:00Z")).toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("names digest windows after the local date of the scheduled send", () => {
    expect(digestWindowKey("daily", new Date("2026-11-26T23:30:00Z"), "Europe/Berlin")).toBe("daily:2026-11-27");
    expect(digestWindowKey("weekly", new Date("2026-11-30T08:00:00Z"), "Europe/Berlin")).toBe("weekly:2026-11-30");
  });
});
