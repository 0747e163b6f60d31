import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { orderControls } from "./order-controls.js";
import { foldOrder } from "./order-fold.js";
import { device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";

describe("an order's controls", () => {
  it("finds the reductions, voided lines, the discount it ended with and the refunds, with who approved them", () => {
    const op = device("station-1");
    const ops = [
      op("open", openData(), 1),
      op("addLine", lineData("a", 29_000, 3), 2),
      op("addLine", lineData("b", 35_000), 3),
      op("setQuantity", { lineId: "a", quantity: 1, reason: "khách đổi ý", approvedBy: "manager-1" }, 4),
      op("setQuantity", { lineId: "a", quantity: 2 }, 5),
      op("voidLine", { lineId: "b", reason: "hết món", approvedBy: "manager-1" }, 6),
      op("discount", { amount: dong(5_000), reason: "khách quen" }, 7),
      op("discount", { amount: dong(8_000), reason: "khách quen", approvedBy: "manager-1" }, 8),
      op("addPayment", paymentData("p", 50_000), 9),
      op("close", { total: dong(50_000) }, 9),
      op("refund", { refundId: "r", amount: dong(10_000), method: "cash", reason: "nhầm" }, 10),
    ];
    const events = orderControls(foldOrder(ORDER_ID, ops), ops);
    expect(
      events.map(({ kind, amount, quantity, approvedBy }) => ({ kind, amount, quantity, approvedBy })),
    ).toEqual([
      { kind: "reduction", amount: 58_000, quantity: 2, approvedBy: "manager-1" },
      { kind: "voidLine", amount: 35_000, quantity: 1, approvedBy: "manager-1" },
      { kind: "discount", amount: 8_000, quantity: null, approvedBy: "manager-1" },
      { kind: "refund", amount: 10_000, quantity: null, approvedBy: null },
    ]);
    expect(events[0]).toMatchObject({ itemName: "Món a", reason: "khách đổi ý", deviceId: "station-1" });
  });

  it("leaves out what a merge moved, and values a voided order by its lines then", () => {
    const op = device("station-1");
    const merged = [
      op("open", openData(), 1),
      op("addLine", lineData("a", 29_000, 2), 2),
      op("voidLine", { lineId: "a", reason: "gộp", mergedInto: "order-2" }, 3),
      op("voidOrder", { reason: "gộp", mergedInto: "order-2" }, 3),
    ];
    expect(orderControls(foldOrder(ORDER_ID, merged), merged)).toEqual([]);
    const voided = [
      op("open", openData(), 1),
      op("addLine", lineData("a", 29_000, 2), 2),
      op("discount", { amount: dong(0), reason: null }, 3),
      op("voidOrder", { reason: "khách bỏ đi", approvedBy: "manager-1" }, 4),
    ];
    expect(orderControls(foldOrder(ORDER_ID, voided), voided)).toMatchObject([
      { kind: "voidOrder", amount: 58_000, approvedBy: "manager-1", reason: "khách bỏ đi" },
    ]);
  });
});
