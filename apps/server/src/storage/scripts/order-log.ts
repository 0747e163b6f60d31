import { foldOrder, MAX_AMOUNT, type Op, type Order } from "@quay/core";
import { ServerError } from "../../server-errors.js";
import { allIn, insertMany, nextSeqs, type Script } from "../sql-script.js";

/** The op log: append-only, one row per op id. */

/**
 * Stores ops not held yet; returns the ids it inserted and the sequence numbers it took.
 * `pushedBy`: the station whose push brought them (null for ops made on the server).
 */
export function* appendOps(
  scope: { tenantId: string; storeId: string },
  ops: readonly Op[],
  pushedBy: string | null = null,
): Script<{ inserted: Set<string>; lastSeq: number }> {
  const seqs = yield* nextSeqs(ops.length);
  // Ops with the same id are the same op: keep this insert idempotent.
  const inserted = yield* insertMany<{ id: string }>(
    `INSERT INTO ops (seq, id, tenant_id, store_id, order_id, device_id, pushed_by, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    ops.map((op, index) => [
      seqs[index] ?? 0,
      op.id,
      scope.tenantId,
      scope.storeId,
      op.orderId,
      op.deviceId,
      pushedBy,
      JSON.stringify(op),
    ]),
  );
  return { inserted: new Set(inserted.map((row) => row.id)), lastSeq: seqs.at(-1) ?? 0 };
}

/** Every op held for these orders. */
export function* loadOrderOps(orderIds: readonly string[]): Script<Op[]> {
  const rows = yield* allIn<{ body: string }>("SELECT body FROM ops WHERE order_id IN (?*)", orderIds);
  return rows.map((row) => JSON.parse(row.body) as Op);
}

/**
 * Folds an order with the core's `foldOrder`. An order whose amounts leave the range money may
 * take (10^12 đồng) cannot be stored: the whole write is refused as invalid input.
 */
export function foldChecked(orderId: string, ops: readonly Op[]): Order {
  let order: Order;
  try {
    order = foldOrder(orderId, ops);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ServerError("VALIDATION_FAILED", `order ${orderId}: ${error.message}`, { orderId });
    throw error;
  }
  if (order.subtotal > MAX_AMOUNT || order.paid > MAX_AMOUNT) {
    throw new ServerError("VALIDATION_FAILED", `order ${orderId}: amounts beyond ${MAX_AMOUNT}`, { orderId });
  }
  return order;
}

/** Groups ops by order id. */
export function opsByOrder(ops: Iterable<Op>): Map<string, Op[]> {
  const grouped = new Map<string, Op[]>();
  for (const op of ops) {
    const list = grouped.get(op.orderId);
    if (list) list.push(op);
    else grouped.set(op.orderId, [op]);
  }
  return grouped;
}
