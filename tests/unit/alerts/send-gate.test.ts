import { describe, expect, it } from "vitest";
import { createExclusiveGate } from "@/lib/alerts/send-gate";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createExclusiveGate", () => {
  it("runs one section at a time, in the order they asked", async () => {
    const gate = createExclusiveGate();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      [30, 5, 15, 0].map((ms, index) =>
        gate(async () => {
          running++;
          most = Math.max(most, running);
          events.push(`start ${index}`);
          await tick(ms);
          events.push(`end ${index}`);
          running--;
          return index;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(events).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
  });

  it("passes a section's result or error through and lets the next one in after a failure", async () => {
    const gate = createExclusiveGate();
    const failing = gate(async () => {
      await tick(5);
      throw new Error("send refused");
    });
    const next = gate(async () => "sent");
    await expect(failing).rejects.toThrow("send refused");
    await expect(next).resolves.toBe("sent");
  });
});
