import { all, allIn, insertMany, lockStores, run, type Script, type SqlValue } from "../sql-script.js";

/** The groupings sales are rolled up by (see migration 3). */
export const ROLLUP_DIMENSIONS = ["day", "hour", "device", "cashier", "method", "item"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** One paid order as the report rows describe it. */
export interface PaidSale {
  readonly tenantId: string;
  readonly storeId: string;
  readonly paidDay: string;
  readonly paidHour: number | null;
  readonly closedDevice: string | null;
  readonly closedBy: string | null;
  readonly total: number;
  readonly lines: readonly { readonly itemId: string; readonly quantity: number; readonly amount: number }[];
  readonly payments: readonly { readonly method: string; readonly amount: number }[];
}

interface Delta {
  readonly tenantId: string;
  readonly storeId: string;
  readonly paidDay: string;
  readonly dimension: RollupDimension;
  readonly key: string;
  quantity: number;
  amount: number;
}

/**
 * Changes to the rollup, summed per row: `add` a sale's contribution, `remove` the contribution
 * it made before (when an order's projection is replaced). Write them with `saveRollup`.
 */
export class RollupChanges {
  readonly #deltas = new Map<string, Delta>();

  add(sale: PaidSale): void {
    this.#apply(sale, 1);
  }

  remove(sale: PaidSale): void {
    this.#apply(sale, -1);
  }

  /** The rows that change, without those whose changes cancel out. */
  rows(): SqlValue[][] {
    return [...this.#deltas.values()]
      .filter((delta) => delta.quantity !== 0 || delta.amount !== 0)
      .map((delta) => [
        delta.tenantId,
        delta.storeId,
        delta.paidDay,
        delta.dimension,
        delta.key,
        delta.quantity,
        delta.amount,
      ]);
  }

  #apply(sale: PaidSale, sign: 1 | -1): void {
    const bump = (dimension: RollupDimension, key: string, quantity: number, amount: number) => {
      const id = `${sale.storeId}\u0000${sale.paidDay}\u0000${dimension}\u0000${key}`;
      let delta = this.#deltas.get(id);
      if (!delta) {
        delta = {
          tenantId: sale.tenantId,
          storeId: sale.storeId,
          paidDay: sale.paidDay,
          dimension,
          key,
          quantity: 0,
          amount: 0,
        };
        this.#deltas.set(id, delta);
      }
      delta.quantity += sign * quantity;
      delta.amount += sign * amount;
    };
    bump("day", sale.paidDay, 1, sale.total);
    bump("hour", sale.paidHour === null ? "" : String(sale.paidHour), 1, sale.total);
    bump("device", sale.closedDevice ?? "", 1, sale.total);
    bump("cashier", sale.closedBy ?? "", 1, sale.total);
    for (const payment of sale.payments) bump("method", payment.method, 1, payment.amount);
    for (const line of sale.lines) bump("item", line.itemId, line.quantity, line.amount);
  }
}

/** Adds the summed changes to the rollup rows (creating the rows that do not exist yet). */
export function* saveRollup(changes: RollupChanges): Script<void> {
  yield* insertMany(
    `INSERT INTO sales_rollup (tenant_id, store_id, paid_day, dimension, group_key, quantity, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (store_id, paid_day, dimension, group_key) DO UPDATE SET
       quantity = sales_rollup.quantity + excluded.quantity, amount = sales_rollup.amount + excluded.amount`,
    changes.rows(),
  );
}

/** The sales these orders contribute now (read before their projection is replaced). */
export function* storedSales(orderIds: readonly string[]): Script<PaidSale[]> {
  const orders = yield* allIn<{
    id: string;
    tenant_id: string;
    store_id: string;
    paid_day: string;
    paid_hour: number | null;
    closed_device: string | null;
    closed_by: string | null;
    total: number | string;
  }>(
    `SELECT id, tenant_id, store_id, paid_day, paid_hour, closed_device, closed_by, total FROM orders
     WHERE status = 'paid' AND paid_day IS NOT NULL AND id IN (?*)`,
    orderIds,
  );
  if (orders.length === 0) return [];
  const paidIds = orders.map((order) => order.id);
  const lines = yield* allIn<{
    order_id: string;
    item_id: string;
    quantity: number;
    amount: number | string;
  }>("SELECT order_id, item_id, quantity, amount FROM sale_lines WHERE order_id IN (?*)", paidIds);
  const payments = yield* allIn<{ order_id: string; method: string; amount: number | string }>(
    "SELECT order_id, method, amount FROM sale_payments WHERE order_id IN (?*)",
    paidIds,
  );
  const linesOf = groupBy(lines, (line) => line.order_id);
  const paymentsOf = groupBy(payments, (payment) => payment.order_id);
  return orders.map((order) => ({
    tenantId: order.tenant_id,
    storeId: order.store_id,
    paidDay: order.paid_day,
    paidHour: order.paid_hour === null ? null : Number(order.paid_hour),
    closedDevice: order.closed_device,
    closedBy: order.closed_by,
    total: Number(order.total),
    lines: (linesOf.get(order.id) ?? []).map((line) => ({
      itemId: line.item_id,
      quantity: Number(line.quantity),
      amount: Number(line.amount),
    })),
    payments: (paymentsOf.get(order.id) ?? []).map((payment) => ({
      method: payment.method,
      amount: Number(payment.amount),
    })),
  }));
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Rebuilds the whole rollup from the report rows (after migration 3, or to repair it), holding
 * every store's lock so no push changes the rows while they are summed.
 */
export function* rebuildRollup(): Script<void> {
  const stores = yield* all<{ id: string }>("SELECT id FROM stores");
  yield* lockStores(stores.map((store) => store.id));
  yield* run("DELETE FROM sales_rollup");
  const insert =
    "INSERT INTO sales_rollup (tenant_id, store_id, paid_day, dimension, group_key, quantity, amount)";
  const paid = "FROM orders WHERE status = 'paid' AND paid_day IS NOT NULL";
  const byOrderColumn = (dimension: RollupDimension, key: string) =>
    `${insert} SELECT tenant_id, store_id, paid_day, '${dimension}', ${key}, COUNT(*), SUM(total) ${paid}
     GROUP BY tenant_id, store_id, paid_day, ${key}`;
  yield* run(byOrderColumn("day", "paid_day"));
  yield* run(byOrderColumn("hour", "COALESCE(CAST(paid_hour AS TEXT), '')"));
  yield* run(byOrderColumn("device", "COALESCE(closed_device, '')"));
  yield* run(byOrderColumn("cashier", "COALESCE(closed_by, '')"));
  yield* run(
    `${insert} SELECT tenant_id, store_id, paid_day, 'method', method, COUNT(*), SUM(amount) FROM sale_payments
     GROUP BY tenant_id, store_id, paid_day, method`,
  );
  yield* run(
    `${insert} SELECT tenant_id, store_id, paid_day, 'item', item_id, SUM(quantity), SUM(amount) FROM sale_lines
     GROUP BY tenant_id, store_id, paid_day, item_id`,
  );
}
