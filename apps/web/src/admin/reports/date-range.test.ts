import { describe, expect, it } from "vitest";
import { isValidRange, localToday, presetRange } from "./date-range.js";

describe("report date ranges", () => {
  it("takes today from the store's wall clock", () => {
    const lateEvening = Date.parse("2026-11-27T17:30:00.000Z"); // 00:30 on the 28th in Ho Chi Minh City
    expect(localToday("Asia/Ho_Chi_Minh", lateEvening)).toBe("2026-11-28");
    expect(localToday("UTC", lateEvening)).toBe("2026-11-27");
  });

  it("turns presets into inclusive ranges, across month and year ends", () => {
    expect(presetRange("today", "2026-03-01")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(presetRange("yesterday", "2026-03-01")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(presetRange("last7", "2026-01-03")).toEqual({ from: "2025-12-28", to: "2026-01-03" });
    expect(presetRange("thisMonth", "2026-11-28")).toEqual({ from: "2026-11-01", to: "2026-11-28" });
    expect(presetRange("lastMonth", "2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("lastMonth", "2024-03-31")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("accepts only ordered ranges of real-looking days", () => {
    expect(isValidRange({ from: "2026-11-01", to: "2026-11-30" })).toBe(true);
    expect(isValidRange({ from: "2026-11-30", to: "2026-11-01" })).toBe(false);
    expect(isValidRange({ from: "", to: "2026-11-01" })).toBe(false);
  });
});
