import { describe, expect, it } from "vitest";
import { DEFAULT_DISCOUNT_LIMITS, discountOff, withinDiscountLimit } from "./discounts.js";
import { dong } from "./money.js";
import { type Actor, type OrderIntent, planChange } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import { device, lineData, ORDER_ID, openData } from "./order-op-builder.test-support.js";
import type { Role } from "./permissions.js";
import { exceedsDiscountLimit } from "./pushed-op-rules.js";

const station = device("station-1");
const phone = device("phone-a");
const held = [
  station("open", openData(), 0),
  station("addLine", lineData("l1", 29_000, 2), 1), // 58.000
  station("addLine", lineData("l2", 45_000, 1, 10), 2), // 45.000
];
const order = foldOrder(ORDER_ID, held);
const manager = { userId: "u-manager", role: "manager" as const };
const as = (role: Role, approver: Actor["approver"] = null): Actor => ({
  userId: `u-${role}`,
  role,
  approver,
});
const kinds = (intent: OrderIntent, actor: Actor) => {
  const plan = planChange(order, intent, actor);
  return plan.ok ? plan.drafts.map((draft) => draft.kind).join("+") : plan.code;
};

describe("discounts", () => {
  it("takes a line's own discount off the line, then the bill's percent off what is left", () => {
    const folded = foldOrder(ORDER_ID, [
      ...held,
      station("discountLine", { lineId: "l1", amount: dong(5_800), percent: 10, reason: "regular" }, 3),
      station("discount", { amount: dong(20_000), reason: "promotion" }, 4),
    ]);
    const [first, second] = folded.lines;
    expect(first).toMatchObject({
      amount: 52_200,
      discount: { amount: 5_800, percent: 10, reason: "regular" },
    });
    expect(second).toMatchObject({ amount: 45_000, discount: null });
    expect(folded).toMatchObject({
      subtotal: 97_200,
      lineDiscounts: 5_800,
      discount: 20_000,
      billDiscount: { amount: 20_000, percent: null, reason: "promotion", approvedBy: null },
      total: 77_200,
    });
    expect(folded.vat.reduce((sum, entry) => sum + entry.taxable, 0)).toBe(77_200);
  });

  it("keeps a percent a percent of the bill as it is when folded, and the latest discount of each wins", () => {
    const folded = foldOrder(ORDER_ID, [
      ...held,
      station("discount", { amount: dong(10_300), percent: 10, reason: "regular" }, 3),
      phone("addLine", lineData("l3", 20_000), 4),
      phone("discountLine", { lineId: "l2", amount: dong(45_000), reason: "fault" }, 5),
      station("discountLine", { lineId: "l2", amount: dong(0), reason: null }, 6), // removed again
    ]);
    expect(folded.lines.find((line) => line.id === "l2")?.discount).toBeNull();
    expect([folded.subtotal, folded.discount, folded.billDiscount?.percent]).toEqual([123_000, 12_300, 10]);
  });

  it("rounds a percent to the đồng and never takes more than its base", () => {
    expect(discountOff({ amount: dong(0), percent: 15 }, dong(29_000))).toBe(4_350);
    expect(discountOff({ amount: dong(0), percent: 33 }, dong(10_001))).toBe(3_300);
    expect(discountOff({ amount: dong(90_000) }, dong(58_000))).toBe(58_000);
  });

  it("lets each role give alone what its limit allows, above it with a manager's PIN", () => {
    const tenth: OrderIntent = { kind: "discount", amount: dong(0), percent: 10, reason: "regular" };
    const fifth: OrderIntent = { kind: "discount", amount: dong(0), percent: 20, reason: "regular" };
    const line: OrderIntent = { kind: "discountLine", lineId: "l1", amount: dong(5_000), reason: "regular" };
    const lineHalf: OrderIntent = {
      kind: "discountLine",
      lineId: "l1",
      amount: dong(29_000),
      reason: "fault",
    };
    expect(kinds(tenth, as("cashier"))).toBe("discount");
    expect(kinds(fifth, as("cashier"))).toBe("MANAGER_PIN_REQUIRED");
    expect(kinds(fifth, as("cashier", manager))).toBe("discount");
    expect(kinds(fifth, as("cashier", as("cashier")))).toBe("FORBIDDEN");
    expect(kinds(fifth, as("manager"))).toBe("discount");
    expect(kinds(line, as("cashier"))).toBe("discountLine"); // 5.000 of 58.000: 8.6 %
    expect(kinds(lineHalf, as("cashier"))).toBe("MANAGER_PIN_REQUIRED");
    expect(kinds(line, as("waiter"))).toBe("MANAGER_PIN_REQUIRED"); // 0 % alone by default
    expect(kinds({ ...line, lineId: "nope" }, as("manager"))).toBe("LINE_NOT_FOUND");
    const custom = planChange(order, fifth, as("waiter"), { discountLimits: { cashier: 0, waiter: 25 } });
    expect(custom.ok).toBe(true);
  });

  it("records the approver, and what a percent takes off now for folds that know no percent", () => {
    const fifth: OrderIntent = { kind: "discount", amount: dong(0), percent: 20, reason: "staff" };
    const plan = planChange(order, fifth, as("cashier", manager));
    expect(plan.ok && plan.drafts[0]?.data).toEqual({
      amount: 20_600,
      percent: 20,
      reason: "staff",
      approvedBy: "u-manager",
    });
  });

  it("judges a pushed discount by the limit of its maker's role on the order before it", () => {
    const small = station("discountLine", { lineId: "l1", amount: dong(5_000), reason: "regular" }, 3);
    const big = station("discount", { amount: dong(50_000), reason: "regular" }, 4);
    const limits = DEFAULT_DISCOUNT_LIMITS;
    expect(exceedsDiscountLimit(small, [...held, small], "cashier", limits)).toBe(false);
    expect(exceedsDiscountLimit(big, [...held, small, big], "cashier", limits)).toBe(true);
    expect(exceedsDiscountLimit(small, [...held, small], "waiter", limits)).toBe(true);
    expect(withinDiscountLimit("waiter", { amount: dong(0) }, dong(1_000), limits)).toBe(true);
  });
});
