import {
  encodePushRequest,
  MAX_PENDING_ORDERS,
  MAX_PUSH_OPS,
  MAX_REFUSED_REPORTED,
  type RefusedOrderReport,
} from "@quay/protocol";
import type { OutgoingOp, PendingCounts } from "../db/order-log.js";
import type { RefusedOrder } from "../db/refused-orders.js";
import type { OutgoingShiftOp } from "../db/shift-log.js";

/**
 * Splits ops into pushes of at most `maxOps`, keeping each order's ops together where an order
 * fits in one push (an order larger than a whole push is split; the server takes ops in any order).
 */
export function chunkByOrder(ops: readonly OutgoingOp[], maxOps: number = MAX_PUSH_OPS): OutgoingOp[][] {
  const chunks: OutgoingOp[][] = [];
  let current: OutgoingOp[] = [];
  let index = 0;
  while (index < ops.length) {
    const orderId = ops[index]?.orderId;
    let end = index;
    while (end < ops.length && ops[end]?.orderId === orderId) end++;
    const group = ops.slice(index, end);
    if (current.length + group.length > maxOps && current.length > 0) {
      chunks.push(current);
      current = [];
    }
    for (let start = 0; start < group.length; start += maxOps) {
      const part = group.slice(start, start + maxOps);
      if (current.length + part.length > maxOps) {
        chunks.push(current);
        current = [];
      }
      current.push(...part);
    }
    index = end;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The refused orders as a push reports them: the longest waiting first, as many as it takes. */
export function refusedReport(refused: readonly RefusedOrder[]): RefusedOrderReport[] {
  return refused.slice(0, MAX_REFUSED_REPORTED).map((order) => ({
    orderId: order.orderId,
    number: order.number,
    code: order.code,
    at: order.at,
  }));
}

/**
 * The push request body, with each op's stored JSON spliced in as is (no re-serialising). The
 * pending counts are capped where the server's schema caps them: a push is never refused for them.
 */
export function pushBody(
  ops: readonly OutgoingOp[],
  pending: PendingCounts,
  refused: readonly RefusedOrderReport[],
  shiftOps: readonly OutgoingShiftOp[] = [],
  follows?: string,
): string {
  const reported = {
    openOrders: Math.min(pending.openOrders, MAX_PENDING_ORDERS),
    paidOrders: Math.min(pending.paidOrders, MAX_PENDING_ORDERS),
    refused: [...refused],
  };
  return encodePushRequest(
    ops.map((op) => op.body),
    reported,
    shiftOps.map((op) => op.body),
    follows,
  );
}

/**
 * The same body as `pushBody`, as bytes made a slice of `sliceOps` ops at a time, `between()`
 * awaited between two slices: a catch-up push of thousands of ops is never one long piece of
 * work on the event loop (joining and encoding 1.6 MB of JSON at once takes milliseconds).
 */
export async function pushBodyInSlices(
  ops: readonly OutgoingOp[],
  pending: PendingCounts,
  refused: readonly RefusedOrderReport[],
  sliceOps: number,
  between: () => Promise<void>,
  follows?: string,
): Promise<Buffer> {
  // The body without ops ends with its (empty) ops array: the ops' JSON goes in between.
  const empty = pushBody([], pending, refused, [], follows);
  const close = "]}";
  if (!empty.endsWith(`"ops":[${close}`)) throw new Error("the push body no longer ends with its ops");
  const parts = [Buffer.from(empty.slice(0, -close.length))];
  for (let start = 0; start < ops.length; start += sliceOps) {
    if (start > 0) await between();
    const slice = ops.slice(start, start + sliceOps).map((op) => op.body);
    parts.push(Buffer.from(`${start > 0 ? "," : ""}${slice.join(",")}`));
  }
  parts.push(Buffer.from(close));
  return Buffer.concat(parts);
}

/** How many distinct orders a list of ops touches. */
export function countOrders(ops: readonly OutgoingOp[]): number {
  return new Set(ops.map((op) => op.orderId)).size;
}
