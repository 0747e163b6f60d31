import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { type Actor, type OrderIntent, planChange, stampOps } from "./order-change.js";
import { opAfterOwnEnd } from "./order-end-check.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";
import { lineRefundShare, parseStoredOrder, refundableOf } from "./order-refund.js";

const station = device("station-1");
const phone = device("phone-a");
const fold = (...ops: Op[]) => foldOrder(ORDER_ID, ops);

// 58 000 + 20 000, less 7 800 off: 70 200 paid in cash from 100 000 (29 800 change).
const sale = [
  station("open", openData(), 0),
  station("addLine", lineData("l1", 29_000, 2), 1),
  station("addLine", lineData("l3", 20_000), 2),
  station("discount", { amount: dong(7_800), reason: null }, 3),
  station("addPayment", paymentData("p1", 100_000), 4),
  station("close", { total: dong(70_200) }, 5),
];
const bill = fold(...sale);
const refundOp = (at: number, refundId: string, amount: number, by = station) =>
  by("refund", { refundId, amount: dong(amount), method: "cash", reason: "món bị đổ", lineIds: ["l1"] }, at);

describe("a refund's fold", () => {
  it("keeps the sale as it was: paid, on its own time, its total and payments", () => {
    const refunded = fold(...sale, refundOp(86_400 * 3, "r1", 52_200));
    expect(refunded.status).toBe("paid");
    expect(refunded.paidAt).toBe(bill.paidAt);
    expect([refunded.total, refunded.paid, refunded.changeDue]).toEqual([70_200, 100_000, 29_800]);
    expect(refunded.refunded).toBe(52_200);
    expect(refunded.refunds).toEqual([
      {
        id: "r1",
        amount: 52_200,
        method: "cash",
        reason: "món bị đổ",
        lineIds: ["l1"],
        at: refundOp(86_400 * 3, "r1", 52_200).at,
        userId: "user-1",
        deviceId: "station-1",
        approvedBy: null,
      },
    ]);
  });

  it("counts a refund once, however many devices hold its op", () => {
    const once = refundOp(100, "r1", 10_000);
    const copy = { ...once, id: "another-op-id", deviceId: "phone-a" };
    expect(fold(...sale, once, copy, once).refunded).toBe(10_000);
  });

  it("leaves out a refund beyond what was paid, and flags the order for a manager", () => {
    const both = fold(...sale, refundOp(100, "r1", 70_200), refundOp(101, "r2", 70_200, phone));
    expect(both.refunded).toBe(70_200);
    expect(both.refunds.map((refund) => refund.id)).toEqual(["r1"]);
    expect(both.flags).toContain("overrefunded");
  });

  it("counts no refund on an order that was never closed", () => {
    const unpaid = fold(...sale.slice(0, 5), refundOp(100, "r1", 1_000));
    expect([unpaid.refunds, unpaid.refunded, unpaid.flags]).toEqual([[], 0, ["overrefunded"]]);
  });

  it("proposes a line's share after the order discount; all the lines make the total", () => {
    expect(lineRefundShare(bill, ["l1"])).toBe(52_200);
    expect(lineRefundShare(bill, ["l3"])).toBe(18_000);
    expect(lineRefundShare(bill, ["l1", "l3"])).toBe(bill.total);
    expect(refundableOf(fold(...sale, refundOp(100, "r1", 30_000)))).toBe(40_200);
  });

  it("reads a projection stored before refunds existed as one with none", () => {
    const { refunds: _r, refunded: _s, ...older } = bill;
    expect(parseStoredOrder(JSON.stringify(older))).toEqual(bill);
  });

  it("may follow the device's own close (the push checks' end rule)", () => {
    const ops = [...sale, refundOp(100, "r1", 1_000)];
    expect(opAfterOwnEnd("station-1", ops, () => true)).toBeNull();
  });
});

describe("planChange for a refund", () => {
  const manager = { userId: "u-manager", role: "manager" as const };
  const as = (role: Actor["role"], approver: Actor["approver"] = null): Actor => ({
    userId: `u-${role}`,
    role,
    approver,
  });
  const refund: OrderIntent = {
    kind: "refund",
    refundId: "r1",
    amount: dong(18_000),
    method: "transfer",
    reason: "khách trả món",
    lineIds: ["l3"],
  };

  it("needs a manager: a cashier types a manager's PIN, the op records who approved", () => {
    expect(planChange(bill, refund, as("cashier"))).toEqual({ ok: false, code: "MANAGER_PIN_REQUIRED" });
    expect(planChange(bill, refund, as("waiter", { userId: "u-w2", role: "waiter" }))).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    const planned = planChange(bill, refund, as("cashier", manager));
    expect(planned).toEqual({
      ok: true,
      drafts: [
        {
          kind: "refund",
          data: {
            refundId: "r1",
            amount: 18_000,
            method: "transfer",
            reason: "khách trả món",
            lineIds: ["l3"],
            approvedBy: "u-manager",
          },
        },
      ],
    });
  });

  it("lets a manager refund alone, and answers a retry with nothing more to do", () => {
    const planned = planChange(bill, { ...refund, lineIds: undefined }, as("manager"));
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.drafts[0]?.data).toEqual({
      refundId: "r1",
      amount: 18_000,
      method: "transfer",
      reason: "khách trả món",
    });
    const stamped = stampOps(ORDER_ID, sale, planned.drafts, {
      deviceId: "station-1",
      userId: "u-manager",
      firstSeq: 100,
      nowMs: Date.parse(bill.paidAt ?? "") + 60_000,
      newId: () => "op-refund",
    });
    if (!stamped.ok) throw new Error(stamped.code);
    expect(stamped.order.refunded).toBe(18_000);
    expect(planChange(stamped.order, refund, as("manager"))).toEqual({ ok: true, drafts: [] });
  });
});
