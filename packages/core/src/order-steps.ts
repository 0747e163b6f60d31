import type { Order } from "./order.js";
import { foldOrder } from "./order-fold.js";
import { compareOps, type Op } from "./order-op.js";

/** One op of an order with the order as it stood just before it (null before the first op). */
export interface OrderStep {
  readonly op: Op;
  readonly before: Order | null;
}

/**
 * Walks an order's ops one copy each, in the order the fold applies them, with the order each
 * one found: what an order's history and the audit read an op's worth from (the amount of a line
 * voided, the quantity a reduction took away). Folds every prefix: fine for an order's tens of ops.
 */
export function orderSteps(orderId: string, ops: Iterable<Op>): OrderStep[] {
  const byId = new Map<string, Op>();
  for (const op of ops) if (op.orderId === orderId && !byId.has(op.id)) byId.set(op.id, op);
  const sorted = [...byId.values()].sort(compareOps);
  return sorted.map((op, index) => ({
    op,
    before: index === 0 ? null : foldOrder(orderId, sorted.slice(0, index)),
  }));
}
