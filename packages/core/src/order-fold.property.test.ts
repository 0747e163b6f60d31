import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order } from "./order.js";
import { orderOps } from "./order-arbitraries.test-support.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { ORDER_ID } from "./order-op-builder.test-support.js";

const runs = { numRuns: 1000 };
const fold = (ops: readonly Op[]) => foldOrder(ORDER_ID, ops);

/** The same items in any order. */
const shuffled = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

describe("foldOrder properties", () => {
  it("(a) treats duplicates as no-ops, however many and wherever they arrive", () => {
    const withDuplicates = orderOps().chain((ops) => {
      const copies = fc.array(fc.nat({ max: Math.max(ops.length - 1, 0) }), { maxLength: 3 * ops.length });
      const duplicated = copies.map((picks) => [
        ...ops,
        ...picks.flatMap((i) => (ops[i] ? [{ ...ops[i] }] : [])),
      ]);
      return fc.tuple(fc.constant(ops), duplicated.chain(shuffled));
    });
    fc.assert(
      fc.property(withDuplicates, ([ops, arrived]) => {
        expect(fold(arrived)).toStrictEqual(fold(ops));
      }),
      runs,
    );
  });

  it("(b) does not depend on the arrival order", () => {
    fc.assert(
      fc.property(
        orderOps().chain((ops) => fc.tuple(fc.constant(ops), shuffled(ops))),
        ([ops, arrived]) => {
          expect(fold(arrived)).toStrictEqual(fold(ops));
        },
      ),
      runs,
    );
  });

  it("(c) merges two devices' concurrent ops to one result, whichever device's arrive first", () => {
    const twoDevices = orderOps({ devices: ["station-1", "phone-a"] });
    fc.assert(
      fc.property(twoDevices, (ops) => {
        const station = ops.filter((op) => op.deviceId === "station-1");
        const phone = ops.filter((op) => op.deviceId === "phone-a");
        const stationFirst = fold([...station, ...phone]);
        expect(fold([...phone, ...station])).toStrictEqual(stationFirst);
        // A device that synced half of the other's ops, then all of them again, agrees too.
        const half = phone.slice(0, phone.length >> 1);
        expect(fold([...half, ...station, ...phone])).toStrictEqual(stationFirst);
      }),
      runs,
    );
  });

  it("(d) always adds up: total = subtotal − discount = Σ lines − discount, money safe and sane", () => {
    fc.assert(
      fc.property(orderOps(), (ops) => {
        const order = fold(ops);
        const lineSum = order.lines.reduce((sum, line) => sum + line.amount, 0);
        expect(order.total).toBe(order.subtotal - order.discount);
        expect(order.total).toBe(lineSum - order.discount);
        expect(order.total).toBeGreaterThanOrEqual(0);
        expect(order.discount).toBeGreaterThanOrEqual(0);
        for (const amount of moneyFields(order)) expect(Number.isSafeInteger(amount)).toBe(true);
        for (const line of [...order.lines, ...order.voidedLines]) {
          // A line's own discount never takes off more than the line, nor nothing.
          const off = line.discount?.amount ?? 0;
          expect(line.amount).toBe(line.unitPrice * line.quantity - off);
          expect(line.amount).toBeGreaterThanOrEqual(0);
          if (line.discount) expect(off).toBeGreaterThan(0);
        }
        expect(order.lineDiscounts).toBe(
          order.lines.reduce((sum, line) => sum + (line.discount?.amount ?? 0), 0),
        );
        expect(order.discount).toBeLessThanOrEqual(order.subtotal);
        expect(order.billDiscount?.amount ?? 0).toBe(order.discount);
        const percent = order.billDiscount?.percent;
        if (percent) expect(order.discount).toBe(Math.round((order.subtotal * percent) / 100));
        expect(order.vat.reduce((sum, entry) => sum + entry.taxable, 0)).toBe(order.total);
        expect(order.vatAmount).toBe(order.vat.reduce((sum, entry) => sum + entry.vat, 0));
        expect(order.vatAmount).toBeLessThanOrEqual(order.total);
        for (const entry of order.vat) expect(entry.vat).toBeGreaterThanOrEqual(0);
        expect(order.paid).toBe(order.payments.reduce((sum, payment) => sum + payment.amount, 0));
        expect(order.changeDue).toBeGreaterThanOrEqual(0);
        expect(order.changeDue).toBeLessThanOrEqual(order.paid);
      }),
      runs,
    );
  });

  it("(e) never lets a refund move the sale's day or total, nor refund more than was paid", () => {
    fc.assert(
      fc.property(orderOps(), (ops) => {
        const order = fold(ops);
        const sale = fold(ops.filter((op) => op.kind !== "refund"));
        const { refunds, refunded, flags, updatedAt, ...rest } = order;
        const { refunds: none, refunded: zero, flags: saleFlags, updatedAt: _, ...saleRest } = sale;
        expect(rest).toStrictEqual(saleRest);
        expect(flags.filter((flag) => flag !== "overrefunded")).toStrictEqual(saleFlags);
        expect([none, zero]).toStrictEqual([[], 0]);
        expect(refunded).toBe(refunds.reduce((sum, refund) => sum + refund.amount, 0));
        expect(refunded).toBeLessThanOrEqual(Math.max(order.paid - order.changeDue, 0));
        if (order.paidAt === null) expect(refunds).toStrictEqual([]);
        expect(new Set(refunds.map((refund) => refund.id)).size).toBe(refunds.length);
      }),
      runs,
    );
  });

  it("(f) never changes a money figure, a status or a quantity by the kitchen's ready", () => {
    fc.assert(
      fc.property(orderOps(), (ops) => {
        const order = fold(ops);
        const unmade = fold(ops.filter((op) => op.kind !== "markReady"));
        expect(moneyFields(order)).toEqual(moneyFields(unmade));
        const shape = (o: Order) => ({
          status: o.status,
          flags: o.flags,
          paidAt: o.paidAt,
          lines: o.lines.map((line) => [line.id, line.quantity, line.orderedAt]),
          voidedLines: o.voidedLines.map((line) => [line.id, line.quantity]),
        });
        expect(shape(order)).toEqual(shape(unmade));
        for (const line of order.lines) {
          if (line.readyAt !== null) expect(line.readyAt >= line.orderedAt).toBe(true);
        }
      }),
      runs,
    );
  });
});

function moneyFields(order: Order): number[] {
  const { subtotal, discount, total, vatAmount, paid, changeDue, refunded } = order;
  return [
    refunded,
    ...order.refunds.map((refund) => refund.amount),
    subtotal,
    discount,
    total,
    vatAmount,
    paid,
    changeDue,
    ...order.vat.flatMap((entry) => [entry.taxable, entry.vat]),
    ...[...order.lines, ...order.voidedLines].flatMap((line) => [line.unitPrice, line.amount]),
    ...order.payments.map((payment) => payment.amount),
  ];
}
