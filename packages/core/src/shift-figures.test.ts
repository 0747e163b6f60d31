import { describe, expect, it } from "vitest";
import { bill, paid, SHIFT_ID, STATION, shiftDevice } from "./shift.test-support.js";
import { countedCash, shiftFigures, shiftReport } from "./shift-figures.js";
import { foldShift } from "./shift-fold.js";
import { validateShiftOp } from "./shift-validate.js";

describe("shift figures", () => {
  const counter = shiftDevice();
  const open = counter.open(500_000, 100);
  const orders = [
    // cash 100.000 for 58.000: 42.000 change, the drawer keeps 58.000
    bill({ id: "a", price: 58_000, payments: [paid("cash", 100_000)], closedAtSeconds: 200 }),
    bill({ id: "b", price: 45_000, payments: [paid("transfer", 45_000)], closedAtSeconds: 300 }),
    bill({
      id: "c",
      price: 70_000,
      payments: [paid("card", 20_000), paid("cash", 50_000)],
      closedAtSeconds: 400,
    }),
    // before the shift, at another counter, and still open: none of them count
    bill({ id: "early", price: 10_000, payments: [paid("cash", 10_000)], closedAtSeconds: 50 }),
    bill({
      id: "elsewhere",
      price: 20_000,
      payments: [paid("cash", 20_000)],
      closedAtSeconds: 250,
      closedOn: "station-2",
    }),
    bill({ id: "open", price: 30_000, payments: [], closedAtSeconds: null }),
  ];

  it("counts cash net of change from the bills this counter closed during the shift", () => {
    const figures = shiftFigures(orders, { stationId: STATION, from: open.at, to: null });
    expect(figures).toEqual({
      cashSales: 108_000,
      cashRefunds: 0,
      revenue: 173_000,
      orders: 3,
      byMethod: [paid("cash", 108_000), paid("transfer", 45_000), paid("card", 20_000)],
    });
  });

  it("takes out the cash refunds made at this counter during the shift, whatever day the bill was sold", () => {
    const refunded = bill({
      id: "refunded",
      price: 60_000,
      payments: [paid("cash", 60_000)],
      closedAtSeconds: 50, // sold before the shift: not its sale
      refunds: [
        { amount: 20_000, method: "cash", atSeconds: 150 },
        { amount: 10_000, method: "card", atSeconds: 160 },
        { amount: 5_000, method: "cash", atSeconds: 170, deviceId: "station-2" },
        { amount: 5_000, method: "cash", atSeconds: 90 }, // before the shift opened
      ],
    });
    const figures = shiftFigures([...orders, refunded], { stationId: STATION, from: open.at, to: null });
    expect([figures.cashSales, figures.cashRefunds, figures.orders]).toEqual([108_000, 20_000, 3]);
  });

  it("reports an open shift live and a closed one as it closed", () => {
    const out = counter.cash(200_000, "out", 450, "trả nhà cung cấp");
    const cashIn = counter.cash(50_000, "in", 460, "tiền lẻ");
    const openState = foldShift(SHIFT_ID, [open, out, cashIn]);
    const live = shiftReport(openState, orders);
    expect(live).toMatchObject({
      openingCash: 500_000,
      cashSales: 108_000,
      cashIn: 50_000,
      cashOut: 200_000,
      expectedCash: 458_000,
      countedCash: null,
      difference: null,
      closedAt: null,
    });
    const counted = { "200000": 2, "50000": 1, "5000": 1 };
    const figures = shiftFigures(orders, { stationId: STATION, from: open.at, to: null });
    const close = counter.close(counted, figures, 500);
    const closed = shiftReport(foldShift(SHIFT_ID, [open, out, cashIn, close]), []);
    expect(closed).toMatchObject({
      closedAt: close.at,
      countedCash: 455_000,
      expectedCash: 458_000,
      difference: -3_000,
      revenue: 173_000,
      orders: 3,
    });
    expect(closed.movements.map((m) => m.reason)).toEqual(["trả nhà cung cấp", "tiền lẻ"]);
  });

  it("counts the drawer by denomination", () => {
    expect(countedCash({ "500000": 1, "1000": 3 })).toBe(503_000);
    expect(countedCash({})).toBe(0);
  });

  it("keeps the first open and the first close, and ignores duplicates", () => {
    const second = counter.open(1, 150);
    const state = foldShift(SHIFT_ID, [second, open, open]);
    expect(state.openingCash).toBe(500_000);
    expect(state.openedAt).toBe(open.at);
  });
});

describe("validateShiftOp", () => {
  const counter = shiftDevice();
  const open = counter.open(100_000, 1);
  const state = foldShift(SHIFT_ID, [open]);

  it("refuses a second open, and cash or a close on a shift that is not open", () => {
    expect(validateShiftOp(null, open, 0)).toBeNull();
    expect(validateShiftOp(state, counter.open(0, 2), 0)).toBe("SHIFT_ALREADY_OPEN");
    expect(validateShiftOp(null, counter.cash(1_000, "in", 2), 0)).toBe("SHIFT_NOT_OPEN");
    const close = counter.close({}, shiftFigures([], { stationId: STATION, from: open.at, to: null }), 3);
    const closed = foldShift(SHIFT_ID, [open, close]);
    expect(validateShiftOp(closed, counter.cash(1_000, "in", 4), 0)).toBe("SHIFT_NOT_OPEN");
    expect(validateShiftOp(closed, close, 0)).toBe("SHIFT_NOT_OPEN");
  });

  it("refuses amounts out of range, an empty reason and a cash-out beyond the drawer", () => {
    expect(validateShiftOp(null, counter.open(-1, 2), 0)).toBe("INVALID_AMOUNT");
    expect(validateShiftOp(null, counter.open(1e12 + 1, 2), 0)).toBe("INVALID_AMOUNT");
    expect(validateShiftOp(state, counter.cash(0, "in", 2), 0)).toBe("INVALID_AMOUNT");
    expect(validateShiftOp(state, counter.cash(1_000, "in", 2, "  "), 0)).toBe("REASON_REQUIRED");
    expect(validateShiftOp(state, counter.cash(100_001, "out", 2), 100_000)).toBe("CASH_OUT_EXCEEDS_DRAWER");
    expect(validateShiftOp(state, counter.cash(100_000, "out", 2), 100_000)).toBeNull();
  });

  it("refuses a count of unknown notes, fractions or more notes than any drawer holds", () => {
    const figures = shiftFigures([], { stationId: STATION, from: open.at, to: null });
    const close = (counted: Record<string, number>) => counter.close(counted, figures, 5);
    expect(validateShiftOp(state, close({ "500000": 2 }), 0)).toBeNull();
    expect(validateShiftOp(state, close({ "500": 1 }), 0)).toBe("INVALID_COUNT");
    expect(validateShiftOp(state, close({ "1000": 1.5 }), 0)).toBe("INVALID_COUNT");
    expect(validateShiftOp(state, close({ "1000": -1 }), 0)).toBe("INVALID_COUNT");
    expect(validateShiftOp(state, close({ "1000": 100_001 }), 0)).toBe("INVALID_COUNT");
  });
});
