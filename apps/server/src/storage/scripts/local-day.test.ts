import { localDate } from "@quay/core";
import { describe, expect, it } from "vitest";
import { localDay, localHour } from "./local-day.js";

describe("localDay", () => {
  it("agrees with the core's localDate around midnight in several zones", () => {
    const instants = ["2026-11-27T16:59:59.999Z", "2026-11-27T17:00:00.000Z", "2026-03-08T10:30:00.000Z"];
    for (const zone of ["Asia/Ho_Chi_Minh", "UTC", "America/New_York", "Asia/Tokyo"]) {
      for (const instant of instants) {
        expect(localDay(Date.parse(instant), zone)).toBe(localDate(Date.parse(instant), zone));
      }
    }
    expect(localDay(Date.parse("2026-11-27T17:00:00.000Z"), "Asia/Ho_Chi_Minh")).toBe("2026-11-28");
  });
});

describe("localHour", () => {
  it("reads the wall-clock hour, midnight as 0", () => {
    expect(localHour(Date.parse("2026-11-27T17:30:00.000Z"), "Asia/Ho_Chi_Minh")).toBe(0);
    expect(localHour(Date.parse("2026-11-27T16:59:59.999Z"), "Asia/Ho_Chi_Minh")).toBe(23);
    expect(localHour(Date.parse("2026-11-28T03:00:00.000Z"), "Asia/Ho_Chi_Minh")).toBe(10);
    expect(localHour(Date.parse("2026-11-28T03:00:00.000Z"), "UTC")).toBe(3);
  });
});
