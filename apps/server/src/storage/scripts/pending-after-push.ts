import type { Op, Order } from "@quay/core";
import type { PendingCounts } from "./records.js";

/**
 * What a station still holds unsynced once a push is stored. A station reports its pending
 * counts as they were when it sent the push, so they still include the orders of that very push:
 * take those out (closed ones from `paidOrders`, open ones from `openOrders`), never below 0.
 */
export function pendingAfterPush(
  reported: PendingCounts,
  ops: readonly Op[],
  folded: readonly Order[],
): PendingCounts {
  const status = new Map<string, "open" | "closed">();
  for (const op of ops) {
    const closing = op.kind === "close" || op.kind === "voidOrder";
    if (closing || !status.has(op.orderId)) status.set(op.orderId, closing ? "closed" : "open");
  }
  for (const order of folded) status.set(order.id, order.status === "open" ? "open" : "closed");
  let open = 0;
  let closed = 0;
  for (const value of status.values()) {
    if (value === "open") open += 1;
    else closed += 1;
  }
  return {
    ...reported,
    openOrders: Math.max(0, reported.openOrders - open),
    paidOrders: Math.max(0, reported.paidOrders - closed),
  };
}
