import { localDate, localHour, type Order } from "@quay/core";
import { insertMany, type Script, type SqlValue } from "../sql-script.js";
import { RollupChanges, saveRollup, storedSales } from "./sales-rollup.js";

/** Orders, a projection of the op log: what phones, the back office and reports read. */

export interface ProjectionContext {
  readonly tenantId: string;
  readonly storeId: string;
  readonly timeZone: string;
  /** When the orders' first ops reached the server (kept for orders already known). */
  readonly receivedAt: string;
}

/** An instant as sortable UTC text; device times may carry any offset. */
export function utcIso(at: string): string {
  return new Date(at).toISOString();
}

/**
 * Writes the folded orders' rows (`received_at` is set only the first time; a paid one's local
 * day and hour of payment) and keeps the sales rollup in step: what the known orders counted for
 * before is taken back, read from their rows, and what they count for now is added. `known` are
 * the orders that already had a row.
 */
export function* saveOrderProjections(
  context: ProjectionContext,
  orders: readonly Order[],
  known: ReadonlySet<string>,
): Script<void> {
  if (orders.length === 0) return;
  const knownIds = orders.filter((order) => known.has(order.id)).map((order) => order.id);
  const rollup = new RollupChanges();
  for (const sale of yield* storedSales(knownIds)) rollup.remove(sale);
  const orderRows: SqlValue[][] = [];
  const scope = { tenantId: context.tenantId, storeId: context.storeId, timeZone: context.timeZone };
  for (const order of orders) {
    const paidAt = order.status === "paid" && order.paidAt !== null ? utcIso(order.paidAt) : null;
    const paidMs = paidAt === null ? null : Date.parse(paidAt);
    const paidDay = paidMs === null ? null : localDate(paidMs, context.timeZone);
    const paidHour = paidMs === null ? null : localHour(paidMs, context.timeZone);
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
      JSON.stringify(order),
      paidHour,
    ]);
    if (paidDay !== null) rollup.add({ ...scope, paidDay, paidHour, order });
  }

  yield* insertMany(
    `INSERT INTO orders (id, tenant_id, store_id, number, table_id, status, total, opened_at, paid_at, paid_day,
       received_at, view, paid_hour)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, table_id = excluded.table_id,
       status = excluded.status, total = excluded.total, opened_at = excluded.opened_at,
       paid_at = excluded.paid_at, paid_day = excluded.paid_day, view = excluded.view,
       paid_hour = excluded.paid_hour`,
    orderRows,
  );
  yield* saveRollup(rollup);
}
