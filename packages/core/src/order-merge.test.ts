import { describe, expect, it } from "vitest";
import { unbackedMergeVoid } from "./merge-void-check.js";
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

describe("unbackedMergeVoid", () => {
  const cashierDevice = device("station-2");
  const opsOf = (orderId: string, ...ops: Op[]) => ops.map((op) => ({ ...op, orderId, userId: "u-cashier" }));
  const fromOps = opsOf(
    "from",
    cashierDevice("open", openData(), 0),
    cashierDevice("addLine", lineData("l1", 29_000, 2), 1),
    // the same drink twice, on two lines
    cashierDevice("addLine", { ...lineData("l2", 29_000, 2), itemId: "item-l1", name: "Món l1" }, 1),
  );
  const intoOps = opsOf("into", cashierDevice("open", { ...openData(), number: "N2" }, 2));
  const mayNotVoid = () => false;
  /** The ops a real merge at this device makes, stamped in order after everything above. */
  const merged = () => {
    const plan = planMerge(foldOrder("from", fromOps), foldOrder("into", intoOps), cashier, newId);
    if (!plan.ok) throw new Error(plan.code);
    const into = plan.into.map((draft) => cashierDevice(draft.kind, draft.data as never, 5));
    const from = plan.from.map((draft) => cashierDevice(draft.kind, draft.data as never, 5));
    return { into: opsOf("into", ...into), from: opsOf("from", ...from) };
  };

  it("accepts the voids of a real merge, whoever pushes them first", () => {
    const { into, from } = merged();
    expect(unbackedMergeVoid([...fromOps, ...intoOps, ...into, ...from], mayNotVoid)).toBeNull();
    expect(unbackedMergeVoid([...from, ...into, ...fromOps, ...from, ...intoOps], mayNotVoid)).toBeNull();
  });

  it("refuses a merge void with no line behind it, one line backing two voids, and an order void with lines left", () => {
    const { into, from } = merged();
    const [firstVoid, secondVoid, orderVoid] = from;
    const [firstAdd] = into;
    if (!firstVoid || !secondVoid || !orderVoid || !firstAdd) throw new Error("plan");
    expect(unbackedMergeVoid([...fromOps, ...intoOps, firstVoid], mayNotVoid)).toBe(firstVoid);
    expect(unbackedMergeVoid([...fromOps, ...intoOps, firstAdd, firstVoid, secondVoid], mayNotVoid)).toBe(
      secondVoid,
    );
    expect(unbackedMergeVoid([...fromOps, ...intoOps, orderVoid], mayNotVoid)).toBe(orderVoid);
    expect(unbackedMergeVoid([...fromOps, ...intoOps, orderVoid], () => true)).toBeNull();
  });
});
