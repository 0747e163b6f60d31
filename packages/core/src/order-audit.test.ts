import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { orderAuditEvents } from "./order-audit.js";
import { atMs, device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";
import { orderSteps } from "./order-steps.js";

const station = device("station-1");
const phone = device("phone-a");

// Two cà phê at 29 000 and one at 20 000; one cà phê reduced, the 20 000 voided, 5 000 off.
const rungUp = [
  station("open", openData(), 0),
  station("addLine", lineData("l1", 29_000, 2), 1),
  station("addLine", lineData("l2", 20_000), 2),
  station("setQuantity", { lineId: "l1", quantity: 1, reason: "khách đổi ý", approvedBy: "manager-1" }, 3),
  station("voidLine", { lineId: "l2", reason: "hết món" }, 4),
  station("setQuantity", { lineId: "l1", quantity: 3 }, 5),
  station("discount", { amount: dong(10_000), reason: null }, 6),
  phone("discount", { amount: dong(5_000), reason: "khách quen", approvedBy: "manager-1" }, 7),
];
const kinds = (events: ReturnType<typeof orderAuditEvents>) =>
  events.map((event) => [event.kind, event.amount, event.userId, event.approvedBy, event.at]);

describe("an order's audit events", () => {
  it("values voids and reductions at what they took off, and a paid bill's last discount once", () => {
    const paid = [
      ...rungUp,
      station("addPayment", paymentData("p1", 82_000), 8),
      station("close", { total: dong(82_000) }, 9),
      station("refund", { refundId: "r1", amount: dong(29_000), method: "cash", reason: "đổ" }, 10),
    ];
    expect(kinds(orderAuditEvents(ORDER_ID, paid))).toEqual([
      ["reduction", 29_000, "user-1", "manager-1", atMs(3_000)],
      ["void", 20_000, "user-1", null, atMs(4_000)],
      ["discount", 5_000, "user-1", "manager-1", atMs(9_000)],
      ["refund", 29_000, "user-1", null, atMs(10_000)],
    ]);
    const [reduction, voided, discount] = orderAuditEvents(ORDER_ID, paid);
    expect(reduction).toMatchObject({
      itemName: "Món l1",
      quantity: 1,
      reason: "khách đổi ý",
      deviceId: "station-1",
    });
    expect(voided).toMatchObject({ itemName: "Món l2", quantity: 1, reason: "hết món" });
    expect(discount).toMatchObject({ itemName: null, reason: "khách quen", deviceId: "phone-a" });
  });

  it("counts no discount on an open bill, and a whole void at the total it had", () => {
    const voided = [...rungUp, station("voidOrder", { reason: "khách bỏ về", approvedBy: "manager-1" }, 8)];
    expect(kinds(orderAuditEvents(ORDER_ID, rungUp)).map(([kind]) => kind)).toEqual(["reduction", "void"]);
    expect(kinds(orderAuditEvents(ORDER_ID, voided)).at(-1)).toEqual([
      "void",
      82_000,
      "user-1",
      "manager-1",
      atMs(8_000),
    ]);
  });

  it("leaves out the voids of a merge, which move lines rather than take them off", () => {
    const merged = [
      ...rungUp.slice(0, 3),
      station("voidLine", { lineId: "l1", reason: "gộp", mergedInto: "order-2" }, 4),
      station("voidOrder", { reason: "gộp", mergedInto: "order-2" }, 5),
    ];
    expect(orderAuditEvents(ORDER_ID, merged)).toEqual([]);
  });

  it("walks the ops once each, in the order they apply, whatever order they came in", () => {
    const steps = orderSteps(ORDER_ID, [...rungUp].reverse().concat(rungUp[1] ?? []));
    expect(steps.map((step) => step.op.id)).toEqual(rungUp.map((op) => op.id));
    expect(steps[0]?.before).toBeNull();
    expect(steps[3]?.before?.lines.map((line) => line.quantity)).toEqual([2, 1]);
  });
});
