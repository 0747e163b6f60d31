import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { type Actor, type OrderIntent, planChange, stampOps } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import { device, lineData, ORDER_ID, openData, paymentData } from "./order-op-builder.test-support.js";
import type { Role } from "./permissions.js";

const station = device("station-1");
const opening = station("open", openData(), 0);
const line = station("addLine", lineData("l1", 29_000, 3), 1);
const open = foldOrder(ORDER_ID, [opening, line]);
const paid = foldOrder(ORDER_ID, [
  opening,
  line,
  station("addPayment", paymentData("p1", 87_000), 2),
  station("close", { total: dong(87_000) }, 3),
]);

const manager = { userId: "u-manager", role: "manager" as const };
const as = (role: Role, approver: Actor["approver"] = null): Actor => ({
  userId: `u-${role}`,
  role,
  approver,
});

const reduce: OrderIntent = { kind: "setQuantity", lineId: "l1", quantity: 1, reason: "nhập nhầm" };
const raise: OrderIntent = { kind: "setQuantity", lineId: "l1", quantity: 5, reason: null };
const voidLine: OrderIntent = { kind: "voidLine", lineId: "l1", reason: "khách đổi" };
const discount: OrderIntent = { kind: "discount", amount: dong(5_000), reason: "khách quen" };
const pay: OrderIntent = { kind: "pay", paymentId: "p2", method: "cash", amount: dong(100_000) };
const voidOrder: OrderIntent = { kind: "voidOrder", reason: "khách bỏ đi" };

type Case = [name: string, actor: Actor, intent: OrderIntent, expected: string];
const cases: Case[] = [
  ["a waiter raises a quantity", as("waiter"), raise, "setQuantity"],
  ["a waiter may not take money, even approved", as("waiter", manager), pay, "FORBIDDEN"],
  ["a cashier takes money and closes", as("cashier"), pay, "addPayment+close"],
  ["a cashier's cut needs a manager", as("cashier"), reduce, "MANAGER_PIN_REQUIRED"],
  ["a cashier's cut with a manager's PIN", as("cashier", manager), reduce, "setQuantity"],
  ["a manager's cut needs a reason", as("manager"), { ...reduce, reason: null }, "REASON_REQUIRED"],
  ["a manager cuts alone", as("manager"), reduce, "setQuantity"],
  ["a cashier's void needs a manager", as("cashier"), voidLine, "MANAGER_PIN_REQUIRED"],
  ["another cashier cannot approve", as("cashier", as("cashier")), voidLine, "FORBIDDEN"],
  ["a waiter's void with a PIN", as("waiter", manager), voidLine, "voidLine"],
  ["a cashier's discount with a PIN", as("cashier", manager), discount, "discount"],
  ["a manager discounts alone", as("owner"), discount, "discount"],
  ["a waiter never voids a paid order", as("waiter", manager), voidOrder, "FORBIDDEN"],
];

describe("planChange", () => {
  it.each(cases)("%s", (_name, actor, intent, expected) => {
    const order = intent === voidOrder ? paid : open;
    const plan = planChange(order, intent, actor);
    expect(plan.ok ? plan.drafts.map((draft) => draft.kind).join("+") : plan.code).toBe(expected);
  });

  it("records who approved, and why a quantity went down", () => {
    const plan = planChange(open, reduce, as("cashier", manager));
    expect(plan).toEqual({
      ok: true,
      drafts: [
        {
          kind: "setQuantity",
          data: { lineId: "l1", quantity: 1, reason: "nhập nhầm", approvedBy: "u-manager" },
        },
      ],
    });
    const alone = planChange(open, voidLine, as("manager"));
    expect(alone.ok && alone.drafts[0]?.data).toEqual({ lineId: "l1", reason: "khách đổi" });
  });

  it("makes nothing for a retried line or payment, and refuses another item under a taken line id", () => {
    const item = { id: "item-l1", name: "Cà phê", price: dong(29_000), vatRate: 8 as const };
    const again = { kind: "addLine", lineId: "l1", item, quantity: 3, note: null } as const;
    expect(planChange(open, again, as("waiter"))).toEqual({ ok: true, drafts: [] });
    expect(planChange(open, { ...again, item: { ...item, id: "other" } }, as("waiter"))).toEqual({
      ok: false,
      code: "LINE_EXISTS",
    });
    expect(planChange(paid, { ...pay, paymentId: "p1" }, as("cashier"))).toEqual({ ok: true, drafts: [] });
  });
});

describe("stampOps", () => {
  let made = 0;
  const newId = () => `new-op-${++made}`;
  const stamp = { deviceId: "station-1", userId: "u-cashier", firstSeq: 10, nowMs: 0, newId };

  it("never stamps a change before the latest op it was made on", () => {
    const plan = planChange(open, pay, as("cashier"));
    if (!plan.ok) throw new Error("planned");
    const stamped = stampOps(ORDER_ID, [opening, line], plan.drafts, stamp);
    expect(stamped.ok && stamped.ops.map((op) => [op.kind, op.deviceSeq, op.at])).toEqual([
      ["addPayment", 10, "2026-11-28T01:00:01.001Z"],
      ["close", 11, "2026-11-28T01:00:01.001Z"],
    ]);
    expect(stamped.ok && stamped.order.status).toBe("paid");
  });

  it("answers the first rule a planned op breaks, and nothing to store", () => {
    const plan = planChange(paid, pay, as("cashier"));
    if (!plan.ok) throw new Error("planned");
    expect(stampOps(ORDER_ID, [opening, line], [...plan.drafts, ...plan.drafts], stamp)).toEqual({
      ok: false,
      code: "ORDER_PAID",
    });
  });
});
