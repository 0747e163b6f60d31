import { type Dong, multiplyDong, sumDong } from "./money.js";
import type { Order } from "./order.js";
import { compareOps, type Op } from "./order-op.js";

/** The changes an owner checks a shift by: money taken off a bill after it was rung up. */
export const CONTROL_KINDS = ["voidLine", "reduction", "discount", "voidOrder", "refund"] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export interface ControlEvent {
  readonly kind: ControlKind;
  readonly orderId: string;
  readonly orderNumber: string | null;
  readonly at: string;
  readonly userId: string;
  readonly deviceId: string;
  /** The manager whose PIN let a user without the right do it; null when the user had it. */
  readonly approvedBy: string | null;
  /** What it took off: the line's units × price, the order's lines, the discount, the refund. */
  readonly amount: Dong;
  readonly reason: string | null;
  /** Voided and reduced lines: the item's name and how many units went. */
  readonly itemName: string | null;
  readonly quantity: number | null;
}

/** Oldest first by device time (ISO times sort as text). */
export const byTime = (a: { readonly at: string }, b: { readonly at: string }): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : 0;

interface LineState {
  readonly name: string;
  readonly unitPrice: Dong;
  quantity: number;
}

/**
 * An order's controls, oldest first, replayed from its ops: lines voided and quantities lowered
 * (not the lines a merge moved away), the order voided (not emptied by a merge), the discount it
 * ended with, and the refunds its fold keeps (`order.refunds`, without the overrefunded).
 */
export function orderControls(order: Order, ops: readonly Op[]): ControlEvent[] {
  const events: ControlEvent[] = [];
  const lines = new Map<string, LineState>();
  let discount: ControlEvent | null = null;
  const base = (op: Op, approvedBy: string | undefined) => ({
    orderId: order.id,
    orderNumber: order.number,
    at: op.at,
    userId: op.userId,
    deviceId: op.deviceId,
    approvedBy: approvedBy ?? null,
  });
  const sorted = [...new Map(ops.map((op) => [op.id, op])).values()].sort(compareOps);
  for (const op of sorted) {
    switch (op.kind) {
      case "addLine":
        lines.set(op.data.lineId, {
          name: op.data.name,
          unitPrice: op.data.unitPrice,
          quantity: op.data.quantity,
        });
        break;
      case "setQuantity": {
        const line = lines.get(op.data.lineId);
        if (!line) break;
        const gone = line.quantity - op.data.quantity;
        if (gone > 0)
          events.push({
            ...base(op, op.data.approvedBy),
            kind: "reduction",
            amount: multiplyDong(line.unitPrice, gone),
            reason: op.data.reason ?? null,
            itemName: line.name,
            quantity: gone,
          });
        line.quantity = op.data.quantity;
        break;
      }
      case "voidLine": {
        const line = lines.get(op.data.lineId);
        lines.delete(op.data.lineId);
        if (!line || op.data.mergedInto !== undefined) break;
        events.push({
          ...base(op, op.data.approvedBy),
          kind: "voidLine",
          amount: multiplyDong(line.unitPrice, line.quantity),
          reason: op.data.reason,
          itemName: line.name,
          quantity: line.quantity,
        });
        break;
      }
      case "discount":
        discount =
          op.data.amount > 0
            ? {
                ...base(op, op.data.approvedBy),
                kind: "discount",
                amount: op.data.amount,
                reason: op.data.reason,
                itemName: null,
                quantity: null,
              }
            : null;
        break;
      case "voidOrder":
        if (op.data.mergedInto !== undefined) break;
        events.push({
          ...base(op, op.data.approvedBy),
          kind: "voidOrder",
          amount: sumDong([...lines.values()].map((line) => multiplyDong(line.unitPrice, line.quantity))),
          reason: op.data.reason,
          itemName: null,
          quantity: null,
        });
        break;
      default:
        break;
    }
  }
  if (discount) events.push(discount);
  for (const refund of order.refunds)
    events.push({
      kind: "refund",
      orderId: order.id,
      orderNumber: order.number,
      at: refund.at,
      userId: refund.userId,
      deviceId: refund.deviceId,
      approvedBy: refund.approvedBy,
      amount: refund.amount,
      reason: refund.reason,
      itemName: null,
      quantity: null,
    });
  return events.sort(byTime);
}
