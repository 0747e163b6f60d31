import { describe, expect, it } from "vitest";
import { opPermission } from "./op-permissions.js";
import { orderAuditEvents } from "./order-audit.js";
import { type Actor, stampOps } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { device, lineData, openData, paymentData } from "./order-op-builder.test-support.js";
import { planSplit, type SplitTarget } from "./order-split.js";
import { unbackedSplit } from "./split-check.js";

const cashier: Actor = { userId: "u-cashier", role: "cashier" };
const station = device("station-1");
const onOrder = (orderId: string, ops: readonly Op[]) => ops.map((op) => ({ ...op, orderId }));
const source = onOrder("src", [
  station("open", openData(), 0),
  station("addLine", lineData("caphe", 29_000, 5), 1),
  station("addLine", lineData("banh", 35_000, 1), 2),
]);
const target: SplitTarget = { orderId: "new", number: "CH01-Q1-20261128-0002", tableId: null, storeId: "s" };
let ids = 0;
const newId = () => `id-${++ids}`;

/** Plans the split, then stamps both orders' ops as the station would; answers every op. */
function split(choices: { lineId: string; quantity: number }[], actor: Actor = cashier) {
  const plan = planSplit(foldOrder("src", source), target, choices, actor, newId);
  if (!plan.ok) throw new Error(plan.code);
  const stamp = { deviceId: "station-1", userId: actor.userId, firstSeq: 10, nowMs: Date.now(), newId };
  const into = stampOps("new", [], plan.into, stamp);
  const from = stampOps("src", source, plan.from, { ...stamp, firstSeq: 20 });
  if (!into.ok || !from.ok) throw new Error("refused");
  return { into: into.order, from: from.order, ops: [...source, ...into.ops, ...from.ops] };
}

describe("planSplit", () => {
  it("moves 3 of 5 cà phê and a whole line to a new order, which the source no longer bills", () => {
    const { into, from, ops } = split([
      { lineId: "caphe", quantity: 3 },
      { lineId: "banh", quantity: 1 },
    ]);
    expect(from.lines.map((line) => [line.id, line.quantity])).toEqual([["caphe", 2]]);
    expect(from.voidedLines).toEqual([]);
    expect(from.total).toBe(58_000);
    expect(into.lines.map((line) => [line.name, line.quantity])).toEqual([
      ["Món caphe", 3],
      ["Món banh", 1],
    ]);
    expect(into.total).toBe(87_000 + 35_000);
    expect(into.tableId).toBeNull();
    expect(unbackedSplit(ops)).toBeNull();
    // A move, not a reduction nor a void: the audit counts nothing, the split needs its own right.
    expect(orderAuditEvents("src", ops)).toEqual([]);
    for (const op of ops.filter((candidate) => candidate.kind === "splitLine"))
      expect(opPermission(op)).toBe("orders.split");
  });

  it("refuses a waiter, a paid or discounted order, nothing or everything chosen, and bad quantities", () => {
    const order = foldOrder("src", source);
    const plan = (choices: { lineId: string; quantity: number }[], actor: Actor = cashier, from = order) =>
      planSplit(from, target, choices, actor, newId);
    expect(plan([{ lineId: "caphe", quantity: 1 }], { userId: "w", role: "waiter" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    const paid = foldOrder("src", [
      ...source,
      { ...station("addPayment", paymentData("p", 1_000), 3), orderId: "src" },
    ]);
    expect(plan([{ lineId: "caphe", quantity: 1 }], cashier, paid)).toMatchObject({ code: "SPLIT_REFUSED" });
    expect(plan([])).toMatchObject({ code: "SPLIT_REFUSED" });
    expect(
      plan([
        { lineId: "caphe", quantity: 5 },
        { lineId: "banh", quantity: 1 },
      ]),
    ).toMatchObject({ code: "SPLIT_REFUSED" });
    expect(plan([{ lineId: "caphe", quantity: 6 }])).toMatchObject({ code: "INVALID_QUANTITY" });
    expect(plan([{ lineId: "caphe", quantity: 0 }])).toMatchObject({ code: "INVALID_QUANTITY" });
    expect(plan([{ lineId: "nope", quantity: 1 }])).toMatchObject({ code: "LINE_NOT_FOUND" });
    expect(
      plan([
        { lineId: "caphe", quantity: 1 },
        { lineId: "caphe", quantity: 1 },
      ]),
    ).toMatchObject({ code: "LINE_NOT_FOUND" });
  });
});

describe("unbackedSplit", () => {
  const { ops } = split([{ lineId: "caphe", quantity: 3 }]);
  const splitOp = ops.find((op) => op.kind === "splitLine");
  const added = ops.find((op) => op.kind === "addLine" && op.orderId === "new");
  if (splitOp?.kind !== "splitLine" || added?.kind !== "addLine") throw new Error("no split");
  const without = (op: Op) => ops.filter((other) => other !== op);

  it("refuses a split with no line added, or another user's, another item, fewer units, or one line twice", () => {
    expect(unbackedSplit(without(added))).toBe(splitOp);
    expect(unbackedSplit([...without(added), { ...added, userId: "other" }])).toBe(splitOp);
    const otherItem = { ...added, data: { ...added.data, itemId: "item-banh" } };
    expect(unbackedSplit([...without(added), otherItem])).toBe(splitOp);
    const fewer = { ...added, data: { ...added.data, quantity: 2 } };
    expect(unbackedSplit([...without(added), fewer])).toBe(splitOp);
    const twice = { ...splitOp, id: "again", deviceSeq: 99 };
    expect(unbackedSplit([...ops, twice])).toBe(twice);
  });

  it("accepts the same ops in any arrival order, held and pushed overlapping", () => {
    expect(unbackedSplit([...ops].reverse())).toBeNull();
    expect(unbackedSplit([...ops, ...ops])).toBeNull();
  });

  it("judges only the splits it is told to: a held split whose order is not loaded, but whose line no other may claim", () => {
    const pushed = (op: Op) => op.id === "again";
    // The bill was split before into an order not loaded now: its split is not judged again.
    expect(unbackedSplit(without(added), pushed)).toBeNull();
    // A pushed split naming the line that backs the held split is not backed by it.
    const twice = { ...splitOp, id: "again", deviceSeq: 99 };
    expect(unbackedSplit([...ops, twice], pushed)).toBe(twice);
    expect(unbackedSplit([...ops, { ...twice, at: "2000-01-01T00:00:00.000Z" }], pushed)?.id).toBe("again");
  });
});
