import type { PaymentMethod } from "@quay/core";
import type { SalesReport } from "@quay/protocol";
import { all, type Script } from "../sql-script.js";

/**
 * Sales of paid orders (void ones excluded) whose local day of payment — the day the sale was
 * made at the counter, whenever it reached the server — lies in [from, to].
 */
export function* salesReport(input: {
  storeIds: readonly string[];
  from: string;
  to: string;
}): Script<SalesReport> {
  if (input.storeIds.length === 0) return { revenue: 0, orders: 0, byDay: [], byMethod: [], byItem: [] };
  const stores = `store_id IN (${input.storeIds.map(() => "?").join(", ")})`;
  const params = [...input.storeIds, input.from, input.to];
  const days = yield* all<{ paid_day: string; revenue: number; orders: number }>(
    `SELECT paid_day, SUM(total) AS revenue, COUNT(*) AS orders FROM orders
     WHERE status = 'paid' AND ${stores} AND paid_day >= ? AND paid_day <= ?
     GROUP BY paid_day ORDER BY paid_day`,
    params,
  );
  const methods = yield* all<{ method: string; amount: number }>(
    `SELECT method, SUM(amount) AS amount FROM sale_payments
     WHERE ${stores} AND paid_day >= ? AND paid_day <= ? GROUP BY method ORDER BY method`,
    params,
  );
  const items = yield* all<{ item_id: string; name: string; quantity: number; revenue: number }>(
    `SELECT item_id, MAX(name) AS name, SUM(quantity) AS quantity, SUM(amount) AS revenue FROM sale_lines
     WHERE ${stores} AND paid_day >= ? AND paid_day <= ? GROUP BY item_id`,
    params,
  );
  const byDay = days.map((day) => ({
    date: day.paid_day,
    revenue: Number(day.revenue),
    orders: Number(day.orders),
  }));
  return {
    revenue: byDay.reduce((sum, day) => sum + day.revenue, 0),
    orders: byDay.reduce((sum, day) => sum + day.orders, 0),
    byDay,
    byMethod: methods.map((row) => ({ method: row.method as PaymentMethod, amount: Number(row.amount) })),
    byItem: items
      .map((row) => ({
        itemId: row.item_id,
        name: row.name,
        quantity: Number(row.quantity),
        revenue: Number(row.revenue),
      }))
      .sort((a, b) => b.revenue - a.revenue || a.itemId.localeCompare(b.itemId)),
  };
}
