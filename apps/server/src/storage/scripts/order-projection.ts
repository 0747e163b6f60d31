import { localDate, localHour, type Op, type Order } from "@quay/core";
import { insertMany, runIn, type Script, type SqlValue } from "../sql-script.js";
import { orderAttribution } from "./order-attribution.js";
import { RollupChanges, saveRollup, storedSales } from "./sales-rollup.js";

/** Orders, a projection of the op log: what phones, the back office and reports read. */

export interface ProjectionContext {
  readonly tenantId: string;
  readonly storeId: string;
  readonly timeZone: string;
  /** When the orders' first ops reached the server (kept for orders already known). */
  readonly receivedAt: string;
  /** The sequence number of this change. */
  readonly seq: number;
}

/** A folded order and the ops it was folded from (they say who opened and who took the money). */
export interface ProjectedOrder {
  readonly order: Order;
  readonly ops: readonly Op[];
}

/** An instant as sortable UTC text; device times may carry any offset. */
export function utcIso(at: string): string {
  return new Date(at).toISOString();
}

/**
 * Writes the folded orders: the order rows (`received_at` is set only the first time; who opened
 * it, and for a paid one who took the money on which device, at which local day and hour), and
 * for paid orders the report rows — lines and net payments by method, on the local day of payment.
 * `known` are the orders that already had a projection (their report rows are replaced).
 */
export function* saveOrderProjections(
  context: ProjectionContext,
  projected: readonly ProjectedOrder[],
  known: ReadonlySet<string>,
): Script<void> {
  if (projected.length === 0) return;
  const knownIds = projected.filter(({ order }) => known.has(order.id)).map(({ order }) => order.id);
  // The rollup takes back what these orders counted for before, and adds what they count for now.
  const rollup = new RollupChanges();
  for (const sale of yield* storedSales(knownIds)) rollup.remove(sale);
  const orderRows: SqlValue[][] = [];
  const lineRows: SqlValue[][] = [];
  const paymentRows: SqlValue[][] = [];
  const scope = { tenantId: context.tenantId, storeId: context.storeId };
  for (const { order, ops } of projected) {
    const paidAt = order.status === "paid" && order.paidAt !== null ? utcIso(order.paidAt) : null;
    const paidMs = paidAt === null ? null : Date.parse(paidAt);
    const paidDay = paidMs === null ? null : localDate(paidMs, context.timeZone);
    const paidHour = paidMs === null ? null : localHour(paidMs, context.timeZone);
    const attribution = orderAttribution(ops);
    orderRows.push([
      order.id,
      context.tenantId,
      context.storeId,
      order.number,
      order.tableId,
      order.status,
      order.total,
      order.openedAt === null ? null : utcIso(order.openedAt),
      paidAt,
      paidDay,
      context.receivedAt,
      context.seq,
      JSON.stringify(order),
      attribution.openedBy,
      paidAt === null ? null : attribution.closedBy,
      paidAt === null ? null : attribution.closedDevice,
      paidHour,
    ]);
    if (paidDay === null) continue;
    const payments = [...netPaymentsByMethod(order)].map(([method, amount]) => ({ method, amount }));
    rollup.add({
      ...scope,
      paidDay,
      paidHour,
      closedDevice: attribution.closedDevice,
      closedBy: attribution.closedBy,
      total: order.total,
      lines: order.lines,
      payments,
    });
    for (const line of order.lines) {
      lineRows.push([
        context.tenantId,
        context.storeId,
        order.id,
        line.id,
        paidDay,
        line.itemId,
        line.name,
        line.quantity,
        line.amount,
      ]);
    }
    for (const { method, amount } of payments) {
      paymentRows.push([context.tenantId, context.storeId, order.id, method, paidDay, amount]);
    }
  }

  yield* insertMany(
    `INSERT INTO orders (id, tenant_id, store_id, number, table_id, status, total, opened_at, paid_at, paid_day,
       received_at, updated_seq, view, opened_by, closed_by, closed_device, paid_hour)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, table_id = excluded.table_id,
       status = excluded.status, total = excluded.total, opened_at = excluded.opened_at,
       paid_at = excluded.paid_at, paid_day = excluded.paid_day, updated_seq = excluded.updated_seq,
       view = excluded.view, opened_by = excluded.opened_by, closed_by = excluded.closed_by,
       closed_device = excluded.closed_device, paid_hour = excluded.paid_hour`,
    orderRows,
  );
  yield* runIn("DELETE FROM sale_lines WHERE order_id IN (?*)", knownIds);
  yield* runIn("DELETE FROM sale_payments WHERE order_id IN (?*)", knownIds);
  yield* insertMany(
    `INSERT INTO sale_lines (tenant_id, store_id, order_id, line_id, paid_day, item_id, name, quantity, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    lineRows,
  );
  yield* insertMany(
    "INSERT INTO sale_payments (tenant_id, store_id, order_id, method, paid_day, amount) VALUES (?, ?, ?, ?, ?, ?)",
    paymentRows,
  );
  yield* saveRollup(rollup);
}

/** What each method brought in: cash tendered less the change given back. */
function netPaymentsByMethod(order: Order): Map<string, number> {
  const byMethod = new Map<string, number>();
  for (const payment of order.payments) {
    byMethod.set(payment.method, (byMethod.get(payment.method) ?? 0) + payment.amount);
  }
  const cash = byMethod.get("cash");
  if (cash !== undefined) byMethod.set("cash", Math.max(0, cash - order.changeDue));
  for (const [method, amount] of byMethod) if (amount === 0) byMethod.delete(method);
  return byMethod;
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
