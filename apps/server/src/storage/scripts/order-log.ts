import { foldOrder, MAX_AMOUNT, type Op, type Order } from "@quay/core";
import { ServerError } from "../../server-errors.js";
import { allIn, insertManyCounted, nextSeqs, type Script } from "../sql-script.js";

/**
 * The op log: append-only, one row per op id. An op's id, order and device sit in their columns
 * and not again in its JSON `body` (a tenth of what a sale writes); rows written before carry
 * them in both, and `opOfRow` reads either.
 */

/** The columns an op is read back from (`opOfRow`). */
export const OP_ROW_COLUMNS = "id, order_id, device_id, body";

export interface OpRow {
  readonly id: string;
  readonly order_id: string;
  readonly device_id: string;
  readonly body: string;
}

/** The op a row of the log holds. */
export function opOfRow(row: OpRow): Op {
  return { id: row.id, orderId: row.order_id, deviceId: row.device_id, ...JSON.parse(row.body) } as Op;
}

/** The JSON an op is stored as: all but what its columns hold. */
function opBody(op: Op): string {
  const { id: _id, orderId: _orderId, deviceId: _deviceId, ...rest } = op;
  return JSON.stringify(rest);
}

/**
 * Stores ops not held yet; returns the ids it inserted and the sequence numbers it took.
 * `pushedBy`: the station whose push brought them (null for ops made on the server). It is kept
 * only for an op of another device (a hub relaying a spoke's): a pull reads a null as the op's
 * own device (`COALESCE(pushed_by, device_id)`).
 */
export function* appendOps(
  scope: { tenantId: string; storeId: string },
  ops: readonly Op[],
  pushedBy: string | null = null,
): Script<{ inserted: Set<string>; lastSeq: number }> {
  const seqs = yield* nextSeqs(ops.length);
  // Ops with the same id are the same op: keep this insert idempotent. No id comes back: when
  // every op was new (a catch-up's pushes), the count says so.
  const stored = yield* insertManyCounted(
    `INSERT INTO ops (seq, id, tenant_id, store_id, order_id, device_id, pushed_by, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
    ops.map((op, index) => [
      seqs[index] ?? 0,
      op.id,
      scope.tenantId,
      scope.storeId,
      op.orderId,
      op.deviceId,
      pushedBy === op.deviceId ? null : pushedBy,
      opBody(op),
    ]),
  );
  if (stored === ops.length) return { inserted: new Set(ops.map((op) => op.id)), lastSeq: seqs.at(-1) ?? 0 };
  // Some were held already: the new ones are those whose row took one of this insert's numbers.
  const taken = new Set(seqs);
  const rows = yield* allIn<{ id: string; seq: number | string }>(
    "SELECT id, seq FROM ops WHERE id IN (?*)",
    ops.map((op) => op.id),
  );
  const inserted = rows.filter((row) => taken.has(Number(row.seq))).map((row) => row.id);
  return { inserted: new Set(inserted), lastSeq: seqs.at(-1) ?? 0 };
}

/** Every op held for these orders. */
export function* loadOrderOps(orderIds: readonly string[]): Script<Op[]> {
  const rows = yield* allIn<OpRow>(`SELECT ${OP_ROW_COLUMNS} FROM ops WHERE order_id IN (?*)`, orderIds);
  return rows.map(opOfRow);
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
