import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { OP_KIND_PERMISSION, opPermission } from "./op-permissions.js";
import { type Actor, planChange } from "./order-change.js";
import { opAfterOwnEnd } from "./order-end-check.js";
import type { Op } from "./order-op.js";
import {
  atMs,
  checkout,
  device,
  fold,
  lineData,
  openData,
  paymentData,
} from "./order-op-builder.test-support.js";
import { MAX_READY_LINES, validateOp } from "./order-validate.js";
import { can } from "./permissions.js";

// The kitchen screen's "done": `markReady`, and what it leaves alone.
const station = device("station-1");
const at = (seconds: number) => atMs(seconds * 1000);
const lineOf = (ops: Op[], lineId: string) => fold(...ops).lines.find((line) => line.id === lineId);

const opening = station("open", openData(), 0);
const coffee = station("addLine", lineData("l1", 29_000, 2), 10);
const cake = station("addLine", lineData("l2", 35_000, 1), 20);
const ready = (seconds: number, ...lineIds: string[]) => station("markReady", { lineIds }, seconds);

describe("foldOrder: when a line was ordered and made", () => {
  it("stamps a line ordered when it is added, and not ready", () => {
    expect(lineOf([opening, coffee], "l1")).toMatchObject({ orderedAt: at(10), readyAt: null });
  });

  it("marks the lines a ready names, at its time, and no others", () => {
    const ops = [opening, coffee, cake, ready(30, "l1")];
    expect(lineOf(ops, "l1")).toMatchObject({ orderedAt: at(10), readyAt: at(30) });
    expect(lineOf(ops, "l2")?.readyAt).toBeNull();
  });

  it("clears ready when the quantity is raised later: the new units are not made yet", () => {
    const raised = [
      opening,
      coffee,
      ready(30, "l1"),
      station("setQuantity", { lineId: "l1", quantity: 3 }, 40),
    ];
    expect(lineOf(raised, "l1")).toMatchObject({ quantity: 3, orderedAt: at(40), readyAt: null });
    const readyAgain = [...raised, ready(50, "l1")];
    expect(lineOf(readyAgain, "l1")).toMatchObject({ orderedAt: at(40), readyAt: at(50) });
  });

  it("keeps ready and the order time when the quantity is lowered", () => {
    const lowered = [
      opening,
      coffee,
      ready(30, "l1"),
      station("setQuantity", { lineId: "l1", quantity: 1, reason: "khách đổi ý" }, 40),
    ];
    expect(lineOf(lowered, "l1")).toMatchObject({ quantity: 1, orderedAt: at(10), readyAt: at(30) });
  });

  it("ignores a ready stamped before its line was added", () => {
    const early = { ...ready(5, "l1"), id: "early-ready" };
    expect(lineOf([opening, early, coffee], "l1")?.readyAt).toBeNull();
  });

  it("changes no money figure and no status, even on a paid order", () => {
    const paid = [
      opening,
      coffee,
      station("addPayment", paymentData("p1", 58_000), 30),
      station("close", { total: dong(58_000) }, 31),
    ];
    const before = fold(...paid);
    const after = fold(...paid, ready(40, "l1"));
    expect({ ...after, lines: [], updatedAt: null }).toEqual({ ...before, lines: [], updatedAt: null });
    expect(after.lines[0]?.amount).toBe(58_000);
  });
});

describe("validateOp: markReady", () => {
  const open = fold(opening, coffee, cake, station("voidLine", { lineId: "l2", reason: "hết hàng" }, 25));
  const paid = fold(opening, coffee, ...checkout(station, 30));
  const voided = fold(opening, coffee, station("voidOrder", { reason: "khách bỏ đi" }, 30));

  it.each([
    ["an active line of an open order", open, ready(40, "l1"), "ok"],
    ["a line of a paid order (a take-away still being made)", paid, ready(40, "l1"), "ok"],
    ["a line again (a second tap)", fold(opening, coffee, ready(30, "l1")), ready(40, "l1"), "ok"],
    ["a line of a void order", voided, ready(40, "l1"), "ORDER_VOID"],
    ["a voided line", open, ready(40, "l2"), "LINE_NOT_FOUND"],
    ["an unknown line among known ones", open, ready(40, "l1", "nope"), "LINE_NOT_FOUND"],
    ["no line at all", open, ready(40), "LINE_NOT_FOUND"],
    ["no order", null, ready(40, "l1"), "ORDER_NOT_OPEN"],
  ] as const)("%s: %s", (_name, order, op, expected) => {
    const verdict = validateOp(order, op);
    expect(verdict.ok ? "ok" : verdict.code).toBe(expected);
  });

  it(`takes at most ${MAX_READY_LINES} lines`, () => {
    const ids = Array.from({ length: MAX_READY_LINES + 1 }, () => "l1");
    expect(validateOp(open, ready(40, ...ids))).toEqual({ ok: false, code: "LINE_NOT_FOUND" });
  });
});

describe("markReady: who may, and after a checkout", () => {
  const order = fold(opening, coffee);
  const waiter: Actor = { userId: "u-waiter", role: "waiter" };

  it("is for everyone who serves (orders.write), waiters included", () => {
    expect(OP_KIND_PERMISSION.markReady).toBe("orders.write");
    expect(opPermission(ready(40, "l1"))).toBe("orders.write");
    expect(can("waiter", "orders.write")).toBe(true);
    const plan = planChange(order, { kind: "markReady", lineIds: ["l1", "l1"] }, waiter);
    expect(plan).toEqual({ ok: true, drafts: [{ kind: "markReady", data: { lineIds: ["l1"] } }] });
  });

  it("may follow its own station's close, unlike a new line", () => {
    const close = station("close", { total: dong(58_000) }, 30);
    const afterReady = ready(40, "l1");
    const ops = [opening, coffee, close, afterReady];
    expect(opAfterOwnEnd("station-1", ops, (op) => op === afterReady)).toBeNull();
    const lateLine = station("addLine", lineData("l9", 10_000), 50);
    expect(opAfterOwnEnd("station-1", [...ops, lateLine], (op) => op === lateLine)?.code).toBe("ORDER_PAID");
  });

  it("may not follow its own station's void", () => {
    const voidIt = station("voidOrder", { reason: "khách bỏ đi" }, 30);
    const afterReady = ready(40, "l1");
    const found = opAfterOwnEnd(
      "station-1",
      [opening, coffee, voidIt, afterReady],
      (op) => op === afterReady,
    );
    expect(found?.code).toBe("ORDER_VOID");
  });
});
