import { describe, expect, it } from "vitest";
import { dayText, parseDayText } from "./day-text.js";

describe("days written dd/mm/yyyy", () => {
  it("writes and reads a day the Vietnamese way", () => {
    expect(dayText("2026-12-03")).toBe("03/12/2026");
    expect(parseDayText("03/12/2026")).toBe("2026-12-03");
    expect(parseDayText("3/12/2026")).toBe("2026-12-03");
    expect(parseDayText("3.12.2026")).toBe("2026-12-03");
    expect(parseDayText(dayText("2024-02-29"))).toBe("2024-02-29");
  });

  it("refuses what is no day", () => {
    for (const text of ["", "12/2026", "2026-12-03", "31/02/2026", "00/01/2026", "1/13/2026", "29/02/2025"])
      expect(parseDayText(text)).toBeNull();
  });
});
