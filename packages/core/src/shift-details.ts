import type { Category } from "./catalog.js";
import { addDong, type Dong, sumDong, ZERO } from "./money.js";
import type { Order } from "./order.js";
import { type AuditEvent, orderAuditEvents } from "./order-audit.js";
import type { Op } from "./order-op.js";
import { duringShift, type ShiftWindow, shiftBills } from "./shift-figures.js";

/** The end-of-shift report's sections beyond its cash figures. */
export interface ShiftDetails {
  /** The shift's bills' lines by category, before the order discounts; `category` null: an item no longer on the menu. */
  readonly byCategory: readonly {
    readonly category: Category | null;
    readonly quantity: number;
    readonly amount: Dong;
  }[];
  /** The discounts on the shift's bills. */
  readonly discounts: { readonly bills: number; readonly amount: Dong };
  /** Voids, reductions, discounts and refunds made at this counter while the shift was open, oldest first. */
  readonly controls: readonly ShiftControl[];
}

/** A control with the number of its order, as the report names it. */
export type ShiftControl = AuditEvent & { readonly orderNumber: string | null };

/** Oldest first by device time (ISO times sort as text). */
const byTime = (a: { readonly at: string }, b: { readonly at: string }): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : 0;

/** An order with its ops, as a counter holds both. */
export interface OrderWithOps {
  readonly order: Order;
  readonly ops: readonly Op[];
}

/**
 * The sections of a shift's report from the orders the counter holds; `categoryOf` finds an
 * item's category in the menu.
 */
export function shiftDetails(
  orders: readonly OrderWithOps[],
  window: ShiftWindow,
  categoryOf: (itemId: string) => Category | null,
): ShiftDetails {
  const bills = shiftBills(
    orders.map((entry) => entry.order),
    window,
  );
  const byCategory = new Map<string, { category: Category | null; quantity: number; amount: Dong }>();
  for (const line of bills.flatMap((bill) => bill.lines)) {
    const category = categoryOf(line.itemId);
    const key = category?.id ?? "";
    const entry = byCategory.get(key) ?? { category, quantity: 0, amount: ZERO };
    byCategory.set(key, {
      category,
      quantity: entry.quantity + line.quantity,
      amount: addDong(entry.amount, line.amount),
    });
  }
  const discounted = bills.filter((bill) => bill.discount > 0);
  return {
    byCategory: [...byCategory.values()].sort(
      (a, b) =>
        (a.category?.sortOrder ?? Number.MAX_SAFE_INTEGER) -
        (b.category?.sortOrder ?? Number.MAX_SAFE_INTEGER),
    ),
    discounts: { bills: discounted.length, amount: sumDong(discounted.map((bill) => bill.discount)) },
    controls: orders
      .flatMap(({ order, ops }) =>
        orderAuditEvents(order.id, ops).map((event) => ({ ...event, orderNumber: order.number })),
      )
      .filter((event) => event.deviceId === window.stationId && duringShift(event.at, window))
      .sort(byTime),
  };
}
