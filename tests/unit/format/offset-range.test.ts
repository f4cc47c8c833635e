import { describe, expect, it } from "vitest";
import { formatOffsetRange } from "@/lib/format";

describe("formatOffsetRange", () => {
  it("writes a posting's working hours the way people do", () => {
    expect(formatOffsetRange(-480, -300)).toBe("UTC−8 to UTC−5");
    expect(formatOffsetRange(60, 60)).toBe("UTC+1");
    expect(formatOffsetRange(0, 120)).toBe("UTC to UTC+2");
    expect(formatOffsetRange(330, 345)).toBe("UTC+5:30 to UTC+5:45");
    expect(formatOffsetRange(-210, -210)).toBe("UTC−3:30");
  });
});
