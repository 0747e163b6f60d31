import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT } from "./money.js";
import { PAYMENT_METHODS } from "./order-op.js";
import { bill, SHIFT_ID, STATION, shiftDevice } from "./shift.test-support.js";
import { countedCash, shiftFigures, shiftReport } from "./shift-figures.js";
import { foldShift } from "./shift-fold.js";
import { DENOMINATIONS, MAX_NOTES_PER_DENOMINATION, type ShiftOp } from "./shift-op.js";
import { validCount } from "./shift-validate.js";

const runs = { numRuns: 300 };

const count = fc.record(
  Object.fromEntries(DENOMINATIONS.map((value) => [`${value}`, fc.nat({ max: 500 })])),
  { requiredKeys: [] },
);

const billSpec = fc.record({
  price: fc.integer({ min: 1_000, max: 2_000_000 }),
  method: fc.constantFrom(...PAYMENT_METHODS),
  extraCash: fc.nat({ max: 500_000 }),
  closedAtSeconds: fc.option(fc.integer({ min: 1, max: 1_000 }), { nil: null }),
  here: fc.boolean(),
});

const movement = fc.record({
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  direction: fc.constantFrom("in" as const, "out" as const),
  atSeconds: fc.integer({ min: 101, max: 900 }),
});

describe("shift properties", () => {
  it("counts a drawer as the sum of notes × denomination", () => {
    fc.assert(
      fc.property(count, (counted) => {
        const sum = DENOMINATIONS.reduce((total, value) => total + value * (counted[`${value}`] ?? 0), 0);
        expect(countedCash(counted)).toBe(sum);
        expect(validCount(counted)).toBe(true);
      }),
      runs,
    );
  });

  it("keeps a count within the money range", () => {
    const all = Object.fromEntries(DENOMINATIONS.map((value) => [`${value}`, MAX_NOTES_PER_DENOMINATION]));
    expect(countedCash(all)).toBeLessThanOrEqual(MAX_AMOUNT);
  });

  it("expects the formula, and the difference is counted − expected, however the ops arrive", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(billSpec, { maxLength: 12 }),
        fc.array(movement, { maxLength: 8 }),
        count,
        fc.infiniteStream(fc.nat()),
        (openingCash, specs, moves, counted, shuffle) => {
          const counter = shiftDevice();
          const open = counter.open(openingCash, 100);
          const orders = specs.map((spec, index) =>
            bill({
              id: `o${index}`,
              price: spec.price,
              payments: [
                { method: spec.method, amount: spec.price + (spec.method === "cash" ? spec.extraCash : 0) },
              ],
              closedAtSeconds: spec.closedAtSeconds,
              closedOn: spec.here ? STATION : "station-2",
            }),
          );
          const cashOps = moves.map((move) => counter.cash(move.amount, move.direction, move.atSeconds));
          const figures = shiftFigures(orders, { stationId: STATION, from: open.at, to: null });
          const close = counter.close(counted, figures, 1_000);
          const ops: ShiftOp[] = [open, ...cashOps, close];
          const picks = shuffle.take(ops.length * 2);
          const arrived = [...ops, ...ops.slice(0, 2)].sort(() => ((picks.next().value ?? 0) % 3) - 1);
          const report = shiftReport(foldShift(SHIFT_ID, arrived), orders);

          const counting = specs.filter(
            (spec) => spec.here && spec.closedAtSeconds !== null && spec.closedAtSeconds >= 100,
          );
          const cashSales = counting.filter((s) => s.method === "cash").reduce((sum, s) => sum + s.price, 0);
          const cashIn = moves.filter((m) => m.direction === "in").reduce((sum, m) => sum + m.amount, 0);
          const cashOut = moves.filter((m) => m.direction === "out").reduce((sum, m) => sum + m.amount, 0);
          expect(report.cashSales).toBe(cashSales);
          expect(report.revenue).toBe(counting.reduce((sum, s) => sum + s.price, 0));
          expect(report.orders).toBe(counting.length);
          expect(report.byMethod.reduce((sum, m) => sum + m.amount, 0)).toBe(report.revenue);
          expect(report.expectedCash).toBe(openingCash + cashSales - report.cashRefunds + cashIn - cashOut);
          expect(report.countedCash).toBe(countedCash(counted));
          expect(report.difference).toBe(countedCash(counted) - report.expectedCash);
        },
      ),
      runs,
    );
  });
});
