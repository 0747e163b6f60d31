import { describe, expect, it } from "vitest";
import type { Category } from "./catalog.js";
import { dong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import type { Op } from "./order-op.js";
import { device, lineData, openData, paymentData } from "./order-op-builder.test-support.js";
import { shiftDetails } from "./shift-details.js";

const drinks: Category = { id: "drinks", name: "Đồ uống", sortOrder: 1 };
const food: Category = { id: "food", name: "Đồ ăn", sortOrder: 2 };
const categoryOf = (itemId: string) =>
  itemId === "item-tea" ? drinks : itemId === "item-rice" ? food : null;

/** An order's ops from one device, with the order id set, folded beside them. */
function order(orderId: string, deviceId: string, build: (op: ReturnType<typeof device>) => Op[]) {
  const ops = build(device(deviceId)).map((op) => ({ ...op, orderId, id: `${orderId}-${op.id}` }) as Op);
  return { order: foldOrder(orderId, ops), ops };
}

describe("a shift's report sections", () => {
  const window = { stationId: "station-1", from: "2026-11-28T01:00:10.000Z", to: "2026-11-28T02:00:00.000Z" };

  it("sums the shift's bills by category and their discounts, and lists the controls made at its counter", () => {
    const paid = order("o1", "station-1", (op) => [
      op("open", openData(), 20),
      op("addLine", lineData("tea", 30_000, 2), 21),
      op("addLine", lineData("rice", 45_000), 22),
      op("addLine", lineData("gone", 10_000), 23),
      op("voidLine", { lineId: "gone", reason: "hết", approvedBy: "manager-1" }, 24),
      op("discount", { amount: dong(5_000), reason: "khách quen" }, 25),
      op("addPayment", paymentData("p", 100_000), 26),
      op("close", { total: dong(100_000) }, 26),
    ]);
    const elsewhere = order("o2", "station-2", (op) => [
      op("open", openData(), 30),
      op("addLine", lineData("tea", 30_000, 3), 31),
      op("setQuantity", { lineId: "tea", quantity: 1, reason: "nhầm" }, 32),
    ]);
    const details = shiftDetails([paid, elsewhere], window, categoryOf);
    expect(details.byCategory).toEqual([
      { category: drinks, quantity: 2, amount: 60_000 },
      { category: food, quantity: 1, amount: 45_000 },
    ]);
    expect(details.discounts).toEqual({ bills: 1, amount: 5_000 });
    expect(details.controls.map((event) => [event.kind, event.amount, event.approvedBy])).toEqual([
      ["void", 10_000, "manager-1"],
      ["discount", 5_000, null],
    ]);
  });

  it("leaves out what happened before the shift opened", () => {
    const early = order("o3", "station-1", (op) => [
      op("open", openData(), 1),
      op("addLine", lineData("tea", 30_000, 2), 2),
      op("setQuantity", { lineId: "tea", quantity: 1, reason: "nhầm" }, 3),
    ]);
    expect(shiftDetails([early], window, categoryOf).controls).toEqual([]);
  });
});
