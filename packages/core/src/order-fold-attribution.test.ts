import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { checkout, device, lineData, ORDER_ID, openData } from "./order-op-builder.test-support.js";

/** Ops of one device, made by one user. */
function userAt(deviceId: string, userId: string) {
  const make = device(deviceId);
  return ((...args: Parameters<typeof make>) => ({ ...make(...args), userId })) as typeof make;
}

describe("foldOrder: who opened and who checked out", () => {
  const cashier = userAt("station-1", "cashier-lan");
  const waiter = userAt("web-session-9", "waiter-huy");
  const manager = userAt("station-2", "manager-minh");

  it("names the opener, and nobody as closer while the order is open", () => {
    const order = foldOrder(ORDER_ID, [
      waiter("open", openData(), 0),
      cashier("addLine", lineData("l1", 58_000), 5),
    ]);
    expect(order).toMatchObject({
      openedByUserId: "waiter-huy",
      stationId: "web-session-9",
      closedByUserId: null,
      closedOnDeviceId: null,
      paidAt: null,
    });
  });

  it("names who took the money on which device, not who opened the order", () => {
    const order = foldOrder(ORDER_ID, [
      waiter("open", openData(), 0),
      waiter("addLine", lineData("l1", 58_000), 5),
      ...checkout(cashier, 20),
    ]);
    expect(order).toMatchObject({
      status: "paid",
      openedByUserId: "waiter-huy",
      closedByUserId: "cashier-lan",
      closedOnDeviceId: "station-1",
    });
  });

  it("keeps the open and close ops the fold keeps: the first of each in op order", () => {
    const ops = [
      manager("open", openData("table-2"), 3),
      cashier("open", openData("table-1"), 1), // earlier by its clock: this one counts
      cashier("addLine", lineData("l1", 58_000), 5),
      ...checkout(manager, 30, { paymentId: "p2", method: "card" }),
      ...checkout(cashier, 40),
    ];
    const order = foldOrder(ORDER_ID, ops);
    expect(order.openedAt).toBe(ops[1]?.at);
    expect(order.paidAt).toBe(ops[4]?.at);
    expect(order).toMatchObject({
      openedByUserId: "cashier-lan",
      closedByUserId: "manager-minh",
      closedOnDeviceId: "station-2",
      flags: ["overpaid"],
    });
  });

  it("keeps who checked a voided order out, as it keeps its paidAt", () => {
    const order = foldOrder(ORDER_ID, [
      cashier("open", openData(), 0),
      cashier("addLine", lineData("l1", 58_000), 5),
      ...checkout(cashier, 20),
      manager("voidOrder", { reason: "trả lại", approvedBy: "manager-minh" }, 40),
    ]);
    expect(order).toMatchObject({
      status: "void",
      closedByUserId: "cashier-lan",
      closedOnDeviceId: "station-1",
    });
  });

  it("names the same people whatever order the ops arrive in", () => {
    const ops: Op[] = [
      waiter("open", openData(), 2),
      cashier("open", openData(), 2),
      waiter("addLine", lineData("l1", 58_000), 5),
      ...checkout(waiter, 30, { paymentId: "p2", method: "transfer", closeAt: 30 }),
      ...checkout(cashier, 30, { closeAt: 30 }),
    ];
    const expected = foldOrder(ORDER_ID, ops);
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: ops.length }), (shuffled) => {
        const order = foldOrder(ORDER_ID, shuffled);
        expect([order.openedByUserId, order.closedByUserId, order.closedOnDeviceId]).toEqual([
          expected.openedByUserId,
          expected.closedByUserId,
          expected.closedOnDeviceId,
        ]);
      }),
    );
    // Ties on time go by device id: the station's ops sort before the phone's.
    expect([expected.openedByUserId, expected.closedOnDeviceId]).toEqual(["cashier-lan", "station-1"]);
  });
});
