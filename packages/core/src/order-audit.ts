import { type Dong, multiplyDong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import type { Op, OpOf } from "./order-op.js";
import { orderSteps } from "./order-steps.js";

/** What an owner checks a shift for: money taken off bills after they were rung up. */
export const AUDIT_KINDS = ["void", "reduction", "discount", "refund"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One such change: who made it, when (the local day counts it), who approved it, its worth. */
export interface AuditEvent {
  readonly kind: AuditKind;
  readonly orderId: string;
  readonly userId: string;
  /** The station, or the phone's or back office's session, where it was done. */
  readonly deviceId: string;
  readonly approvedBy: string | null;
  readonly at: string;
  readonly amount: Dong;
  readonly reason: string | null;
  /** A line's void or reduction: the item and the units taken off; null for the whole order's. */
  readonly itemName: string | null;
  readonly quantity: number | null;
}

const whole = { itemName: null, quantity: null } as const;

/**
 * The audit events of one order, from its ops:
 * - a void (of a line, or of the order) is worth what it took off: the line's amount, the
 *   order's total then; voids a merge made move lines, they take nothing, and are left out;
 * - a reduction (a line's quantity lowered) is worth the units taken off at the line's price;
 * - a paid order's discount counts once, on the day of the sale, for whoever set it last, and so
 *   does each of its lines' own discounts;
 * - each refund the fold keeps counts on its own day, for whoever made it.
 */
export function orderAuditEvents(orderId: string, ops: Iterable<Op>): AuditEvent[] {
  const events: AuditEvent[] = [];
  const steps = orderSteps(orderId, ops);
  let lastDiscount: OpOf<"discount"> | null = null;
  const lastLineDiscounts = new Map<string, OpOf<"discountLine">>();
  const event = (
    op: Op,
    kind: AuditKind,
    amount: Dong,
    data: { approvedBy?: string | undefined; reason?: string | null | undefined },
    line: { itemName: string | null; quantity: number | null },
  ) =>
    events.push({
      kind,
      orderId,
      userId: op.userId,
      deviceId: op.deviceId,
      approvedBy: data.approvedBy ?? null,
      at: op.at,
      amount,
      reason: data.reason ?? null,
      ...line,
    });

  for (const { op, before } of steps) {
    switch (op.kind) {
      case "voidLine": {
        const line = before?.lines.find((candidate) => candidate.id === op.data.lineId);
        if (line && op.data.mergedInto === undefined)
          event(op, "void", line.amount, op.data, { itemName: line.name, quantity: line.quantity });
        break;
      }
      case "voidOrder":
        if (before && before.status !== "void" && op.data.mergedInto === undefined) {
          event(op, "void", before.total, op.data, whole);
        }
        break;
      case "setQuantity": {
        const line = before?.lines.find((candidate) => candidate.id === op.data.lineId);
        if (line && op.data.quantity < line.quantity) {
          const units = line.quantity - op.data.quantity;
          const taken = multiplyDong(line.unitPrice, units);
          event(op, "reduction", taken, op.data, { itemName: line.name, quantity: units });
        }
        break;
      }
      case "discount":
        lastDiscount = op;
        break;
      case "discountLine":
        lastLineDiscounts.set(op.data.lineId, op);
        break;
      default:
        break;
    }
  }

  const order = foldOrder(
    orderId,
    steps.map((step) => step.op),
  );
  if (order.status === "paid" && order.paidAt !== null && order.discount > 0 && lastDiscount) {
    events.push({
      kind: "discount",
      orderId,
      userId: lastDiscount.userId,
      deviceId: lastDiscount.deviceId,
      approvedBy: lastDiscount.data.approvedBy ?? null,
      at: order.paidAt,
      amount: order.discount,
      reason: lastDiscount.data.reason,
      ...whole,
    });
  }
  if (order.status === "paid" && order.paidAt !== null) {
    for (const line of order.lines) {
      const op = lastLineDiscounts.get(line.id);
      if (!line.discount || !op) continue;
      const item = { itemName: line.name, quantity: line.quantity };
      events.push({ ...eventOf(orderId, op, "discount", line.discount.amount), at: order.paidAt, ...item });
    }
  }
  for (const refund of order.refunds) {
    events.push({
      kind: "refund",
      orderId,
      userId: refund.userId,
      deviceId: refund.deviceId,
      approvedBy: refund.approvedBy,
      at: refund.at,
      amount: refund.amount,
      reason: refund.reason,
      ...whole,
    });
  }
  return events;
}

function eventOf(orderId: string, op: OpOf<"discountLine">, kind: AuditKind, amount: Dong) {
  return {
    kind,
    orderId,
    userId: op.userId,
    deviceId: op.deviceId,
    approvedBy: op.data.approvedBy ?? null,
    amount,
    reason: op.data.reason,
  };
}
