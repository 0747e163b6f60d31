import { type Dong, dong, maxDong, subtractDong, sumDong, ZERO } from "./money.js";
import type { Order, OrderLine, Refund } from "./order.js";
import type { OpOf } from "./order-op.js";
import { allocateProportionally } from "./rounding.js";

/** What the customer paid and kept: payments less the change given back. */
function keptPayment(order: Pick<Order, "paid" | "changeDue">): Dong {
  return maxDong(subtractDong(order.paid, order.changeDue), ZERO);
}

/** What may still be refunded on a paid order: paid − change due − earlier refunds. */
export function refundableOf(order: Order): Dong {
  return maxDong(subtractDong(keptPayment(order), order.refunded), ZERO);
}

/**
 * What the chosen lines cost the customer: their amounts less their share of the order discount
 * (spread in proportion, as the VAT is), so refunding every line refunds the total. The amount a
 * refund by line proposes, and the most it may be. Unknown or voided lines count nothing.
 */
export function lineRefundShare(order: Order, lineIds: readonly string[]): Dong {
  const chosen = new Set(lineIds);
  const shares = allocateProportionally(
    order.discount,
    order.lines.map((line) => line.amount),
  );
  const net = order.lines.map((line: OrderLine, index) =>
    chosen.has(line.id) ? subtractDong(line.amount, dong(shares[index] ?? 0)) : ZERO,
  );
  return sumDong(net);
}

/**
 * The refunds an order's fold keeps, from its refund ops in op order: one per `refundId` (the
 * first), only once the order was closed, and only while they fit in what the customer paid. A
 * refund beyond it (two counters refunding the same bill at once) is left out, and the order is
 * flagged `overrefunded` for a manager, so `refunded` never exceeds `paid − changeDue`.
 */
export function foldRefunds(
  ops: readonly OpOf<"refund">[],
  order: Pick<Order, "paid" | "changeDue"> & { readonly closed: boolean },
): { readonly refunds: Refund[]; readonly refunded: Dong; readonly overrefunded: boolean } {
  const refunds: Refund[] = [];
  const seen = new Set<string>();
  let left = order.closed ? keptPayment(order) : ZERO;
  let overrefunded = false;
  for (const op of ops) {
    if (seen.has(op.data.refundId)) continue;
    seen.add(op.data.refundId);
    if (op.data.amount > left) {
      overrefunded = true;
      continue;
    }
    left = subtractDong(left, op.data.amount);
    refunds.push({
      id: op.data.refundId,
      amount: op.data.amount,
      method: op.data.method,
      reason: op.data.reason,
      lineIds: op.data.lineIds ?? [],
      at: op.at,
      userId: op.userId,
      deviceId: op.deviceId,
      approvedBy: op.data.approvedBy ?? null,
    });
  }
  return { refunds, refunded: sumDong(refunds.map((refund) => refund.amount)), overrefunded };
}

/**
 * An order's projection read back from storage (JSON): one folded before refunds existed has
 * none, one folded before line discounts and percentages existed has no such discounts.
 */
export function parseStoredOrder(json: string): Order {
  type Stored = Omit<Order, "refunds" | "refunded" | "lineDiscounts" | "billDiscount" | "lines"> &
    Partial<Order> & { lines: (Omit<OrderLine, "discount"> & Partial<OrderLine>)[] };
  const order = JSON.parse(json) as Stored;
  return {
    ...order,
    lines: order.lines.map((line) => ({ ...line, discount: line.discount ?? null })),
    voidedLines: (order.voidedLines ?? []).map((line) => ({ ...line, discount: line.discount ?? null })),
    refunds: order.refunds ?? [],
    refunded: order.refunded ?? ZERO,
    lineDiscounts: order.lineDiscounts ?? ZERO,
    billDiscount:
      order.billDiscount ??
      (order.discount > 0 ? { amount: order.discount, percent: null, reason: null, approvedBy: null } : null),
  };
}
