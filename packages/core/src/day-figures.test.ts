import { describe, expect, it } from "vitest";
import { dayFigures } from "./day-figures.js";
import { bill, STATION } from "./shift.test-support.js";

const DAY = 24 * 60 * 60;
// The test day starts at 08:00 in Hồ Chí Minh City on 2026-11-28.
const window = { day: "2026-11-28", timeZone: "Asia/Ho_Chi_Minh", stationId: STATION };

describe("the day's figures at a counter", () => {
  it("counts the day's bills, here and at other counters, by method less the change", () => {
    // 58.000 ₫ paid with a 100.000 ₫ note here; 45.000 ₫ by transfer at the other counter.
    const here = bill({
      id: "a",
      price: 58_000,
      payments: [{ method: "cash", amount: 100_000 }],
      closedAtSeconds: 60,
    });
    const transfer = { method: "transfer", amount: 45_000 } as const;
    const there = bill({
      id: "b",
      price: 45_000,
      payments: [transfer],
      closedAtSeconds: 120,
      closedOn: "station-2",
    });
    const figures = dayFigures([here, there], window);
    expect(figures).toMatchObject({ sales: 103_000, bills: 2, refunds: 0, revenue: 103_000 });
    expect(figures.byMethod).toEqual([{ method: "cash", amount: 58_000 }, transfer]);
    expect(figures.here).toEqual({ sales: 58_000, bills: 1 });
  });

  it("takes a refund off the day it was made, not the day its bill was sold", () => {
    const yesterday = bill({
      id: "old",
      price: 70_000,
      payments: [{ method: "cash", amount: 70_000 }],
      closedAtSeconds: -DAY + 60,
      refunds: [{ amount: 20_000, method: "cash", atSeconds: 300 }],
    });
    const today = dayFigures([yesterday], window);
    expect(today).toMatchObject({ sales: 0, bills: 0, refunds: 20_000, revenue: -20_000 });
    const before = dayFigures([yesterday], { ...window, day: "2026-11-27" });
    expect(before).toMatchObject({ sales: 70_000, bills: 1, refunds: 0, revenue: 70_000 });
  });

  it("reads the day in the store's time zone: 23:30 in Hà Nội is still that day", () => {
    // 15h30 after 08:00 is 23:30 local, 16:30Z; 16h30 after is 00:30 the next local day.
    const late = bill({
      id: "late",
      price: 30_000,
      payments: [{ method: "card", amount: 30_000 }],
      closedAtSeconds: 15.5 * 3600,
    });
    const next = bill({
      id: "next",
      price: 40_000,
      payments: [{ method: "card", amount: 40_000 }],
      closedAtSeconds: 16.5 * 3600,
    });
    expect(dayFigures([late, next], window)).toMatchObject({ sales: 30_000, bills: 1 });
  });

  it("lists what is still open and leaves it out of the sales", () => {
    const open = bill({ id: "open", price: 25_000, payments: [], closedAtSeconds: null });
    expect(dayFigures([open], window)).toMatchObject({ sales: 0, open: { orders: 1, amount: 25_000 } });
  });
});
