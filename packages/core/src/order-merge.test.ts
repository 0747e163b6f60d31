import { describe, expect, it } from "vitest";
import { opPermission } from "./op-permissions.js";
import type { Actor } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import { planMerge } from "./order-merge.js";
import type { Op } from "./order-op.js";
import { device, lineData, makeOp, openData, paymentData } from "./order-op-builder.test-support.js";

const station = device("station-1");
const orderOf = (id: string, ...ops: Op[]) =>
  foldOrder(
    id,
    ops.map((op) => ({ ...op, orderId: id })),
  );
const from = orderOf(
  "from",
  station("open", openData(), 0),
  station("addLine", lineData("l1", 29_000, 2), 1),
);
const into = orderOf("into", station("open", { ...openData(), number: "CH01-Q1-20261128-0002" }, 2));
const cashier: Actor = { userId: "u-cashier", role: "cashier" };
let ids = 0;
const newId = () => `new-${++ids}`;

describe("planMerge", () => {
  it("moves each line to the other order and voids this one, the voids needing the merge right", () => {
    const plan = planMerge(from, into, cashier, newId);
    if (!plan.ok) throw new Error(plan.code);
    expect(plan.into.map((draft) => draft.kind)).toEqual(["addLine"]);
    expect(plan.into[0]?.data).toMatchObject({ quantity: 2, unitPrice: 29_000 });
    expect(plan.from.map((draft) => draft.kind)).toEqual(["voidLine", "voidOrder"]);
    for (const draft of plan.from) {
      expect(draft.data).toMatchObject({ reason: "Gộp vào CH01-Q1-20261128-0002", mergedInto: "into" });
      const op = makeOp(draft.kind, draft.data as never, { id: "x", deviceId: "d", deviceSeq: 1, at: "" });
      expect(opPermission(op)).toBe("orders.merge");
    }
  });

  it("refuses a waiter, a paid or discounted order, and an order merged into itself", () => {
    expect(planMerge(from, into, { userId: "u-w", role: "waiter" }, newId)).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    const withPayment = orderOf(
      "from",
      station("open", openData(), 0),
      station("addLine", lineData("l1", 29_000, 2), 1),
      station("addPayment", paymentData("p1", 10_000), 2),
    );
    for (const [source, target] of [
      [withPayment, into],
      [from, from],
    ] as const) {
      expect(planMerge(source, target, cashier, newId)).toEqual({ ok: false, code: "MERGE_REFUSED" });
    }
  });
});
