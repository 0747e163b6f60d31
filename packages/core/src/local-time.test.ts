import { describe, expect, it } from "vitest";
import { localDate, localHour } from "./local-time.js";

describe("local time", () => {
  it("counts days and hours on the store's wall clock", () => {
    expect(localDate(Date.parse("2026-11-27T17:00:00.000Z"))).toBe("2026-11-28");
    expect(localDate(Date.parse("2026-11-27T16:59:59.999Z"))).toBe("2026-11-27");
    expect(localHour(Date.parse("2026-11-27T17:30:00.000Z"))).toBe(0);
    expect(localHour(Date.parse("2026-11-27T16:59:59.999Z"))).toBe(23);
    expect(localHour(Date.parse("2026-11-28T03:00:00.000Z"))).toBe(10);
  });

  it("uses the zone it is given", () => {
    expect(localDate(Date.parse("2026-11-27T17:00:00.000Z"), "UTC")).toBe("2026-11-27");
    expect(localHour(Date.parse("2026-11-28T03:00:00.000Z"), "UTC")).toBe(3);
  });
});
