import { describe, expect, it } from "vitest";
import { waitedParts, waitedSeconds, waitLevel } from "./waited.js";

describe("the time a card waited", () => {
  const since = "2026-11-28T01:00:00.000Z";
  const after = (seconds: number) => Date.parse(since) + seconds * 1000;

  it("counts whole seconds, never below zero when the tablet's clock is behind", () => {
    expect(waitedSeconds(since, after(65.9))).toBe(65);
    expect(waitedSeconds(since, after(-30))).toBe(0);
  });

  it("turns amber from 10 minutes and red from 20", () => {
    expect([599, 600, 1199, 1200].map(waitLevel)).toEqual(["fresh", "amber", "amber", "red"]);
  });

  it("reads minutes and seconds under an hour, hours and minutes after", () => {
    expect(waitedParts(65)).toEqual({ hours: null, minutes: "1", seconds: "05" });
    expect(waitedParts(3 * 3600 + 7 * 60 + 9)).toEqual({ hours: "3", minutes: "7" });
  });
});
