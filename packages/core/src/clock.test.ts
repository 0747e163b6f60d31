import { describe, expect, it } from "vitest";
import { fixedClock, isoAt } from "./clock.js";

describe("fixedClock", () => {
  it("moves only when told to, and reads as ISO-8601 with milliseconds", () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 1, 0, 0));
    expect(isoAt(clock)).toBe("2026-11-28T01:00:00.000Z");
    clock.advance(1_500);
    expect(isoAt(clock)).toBe("2026-11-28T01:00:01.500Z");
    clock.set(0);
    expect(clock.now()).toBe(0);
  });
});
