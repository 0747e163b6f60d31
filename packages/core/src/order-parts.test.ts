import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { type Actor, planChange, stampOps } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { device, lineData, ORDER_ID, openData } from "./order-op-builder.test-support.js";
import { paidParts, partDue, partShare } from "./order-parts.js";

const cashier: Actor = { userId: "u-cashier", role: "cashier" };
const station = device("station-1");
let ids = 0;
const newId = () => `p-${++ids}`;

/** Pays part `index` of `count` as the station does; answers the ops after it. */
function payPart(held: Op[], count: number, index: number): Op[] {
  const order = foldOrder(ORDER_ID, held);
  const intent = { kind: "payPart", paymentId: newId(), method: "cash", count, index } as const;
  const plan = planChange(order, intent, cashier);
  if (!plan.ok) throw new Error(plan.code);
  const stamp = { deviceId: "station-1", userId: cashier.userId, firstSeq: held.length + 1, nowMs: 0, newId };
  const stamped = stampOps(ORDER_ID, held, plan.drafts, stamp);
  if (!stamped.ok) throw new Error(stamped.code);
  return [...held, ...stamped.ops];
}

describe("equal parts (Chia đều)", () => {
  it("rounds each share down to 1.000 ₫; the last part takes the remainder", () => {
    expect(partShare(dong(100_000), 3)).toBe(33_000);
    expect(partShare(dong(2_500), 3)).toBe(833);
  });

  it("pays each part on its own, whichever order, and closes the bill with the last one exactly", () => {
    let ops: Op[] = [station("open", openData(), 0), station("addLine", lineData("l", 50_000, 2), 1)];
    ops = payPart(ops, 3, 2);
    expect(foldOrder(ORDER_ID, ops)).toMatchObject({ status: "open", paid: 33_000 });
    ops = payPart(ops, 3, 3);
    expect(partDue(foldOrder(ORDER_ID, ops), 3, 1)).toBe(34_000);
    ops = payPart(ops, 3, 1);
    const order = foldOrder(ORDER_ID, ops);
    expect(order).toMatchObject({ status: "paid", paid: 100_000, changeDue: 0 });
    expect(order.payments.map((payment) => [payment.part?.index, payment.amount])).toEqual([
      [2, 33_000],
      [3, 33_000],
      [1, 34_000],
    ]);
    expect(paidParts(order)).toEqual({ count: 3, paid: new Set([1, 2, 3]) });
  });

  it("refuses a part paid twice, a count other than the parts paid, and counts out of 2–10", () => {
    const ops = payPart([station("open", openData(), 0), station("addLine", lineData("l", 50_000), 1)], 2, 1);
    const order = foldOrder(ORDER_ID, ops);
    const plan = (count: number, index: number) =>
      planChange(order, { kind: "payPart", paymentId: newId(), method: "cash", count, index }, cashier);
    expect(plan(2, 1)).toEqual({ ok: false, code: "PART_PAID" });
    expect(plan(3, 2)).toEqual({ ok: false, code: "PART_INVALID" });
    expect(plan(11, 2)).toEqual({ ok: false, code: "PART_INVALID" });
    expect(plan(2, 3)).toEqual({ ok: false, code: "PART_INVALID" });
    expect(plan(2, 2)).toMatchObject({ ok: true });
  });
});
