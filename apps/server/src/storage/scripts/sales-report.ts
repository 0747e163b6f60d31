import type { PaymentMethod } from "@quay/core";
import type { SalesReport } from "@quay/protocol";
import { all, allIn, placeholders, type Script } from "../sql-script.js";
import { type OrderGroupRow, type ReportNames, summariseOrders } from "./sales-groups.js";

export interface SalesReportInput {
  readonly storeIds: readonly string[];
  /** First and last local day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_SALES_REPORT: SalesReport = {
  revenue: 0,
  orders: 0,
  byDay: [],
  byMethod: [],
  byItem: [],
  byHour: [],
  byCategory: [],
  byStation: [],
  byCashier: [],
};

/**
 * Sales of paid orders (void ones excluded) whose local day of payment — the day the sale was
 * made at the counter, whenever it reached the server — lies in [from, to]. Three range scans
 * of covering indexes: orders (by day, hour, device and cashier at once), payments, lines.
 */
export function* salesReport(input: SalesReportInput): Script<SalesReport> {
  if (input.storeIds.length === 0) return EMPTY_SALES_REPORT;
  const stores = `store_id IN (${placeholders(input.storeIds.length)})`;
  const params = [...input.storeIds, input.from, input.to];
  const groups = yield* all<OrderGroupRow>(
    `SELECT paid_day, paid_hour, closed_device, closed_by, COUNT(*) AS orders, SUM(total) AS revenue
     FROM orders WHERE status = 'paid' AND ${stores} AND paid_day >= ? AND paid_day <= ?
     GROUP BY paid_day, paid_hour, closed_device, closed_by`,
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
  const names = yield* reportNames(input.storeIds, groups);
  const byItem = items
    .map((row) => ({
      itemId: row.item_id,
      name: row.name,
      quantity: Number(row.quantity),
      revenue: Number(row.revenue),
    }))
    .sort((a, b) => b.revenue - a.revenue || a.itemId.localeCompare(b.itemId));
  return {
    ...summariseOrders(groups, names),
    byMethod: methods.map((row) => ({ method: row.method as PaymentMethod, amount: Number(row.amount) })),
    byItem,
    byCategory: byCategory(byItem, names),
  };
}

/** The names the groups are shown under: the stores' stations and categories, the cashiers. */
function* reportNames(storeIds: readonly string[], groups: readonly OrderGroupRow[]): Script<ReportNames> {
  const stores = `store_id IN (${placeholders(storeIds.length)})`;
  const stations = yield* all<{ id: string; code: string; name: string }>(
    `SELECT id, code, name FROM stations WHERE ${stores}`,
    storeIds,
  );
  const categories = yield* all<{ id: string; category_id: string; name: string }>(
    `SELECT items.id, items.category_id, categories.name FROM items
     JOIN categories ON categories.id = items.category_id WHERE items.${stores}`,
    storeIds,
  );
  const userIds = [...new Set(groups.map((row) => row.closed_by).filter((id) => id !== null))];
  const users = yield* allIn<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE id IN (?*)",
    userIds,
  );
  return {
    stations: new Map(stations.map((row) => [row.id, { code: row.code, name: row.name }])),
    itemCategories: new Map(categories.map((row) => [row.id, { id: row.category_id, name: row.name }])),
    users: new Map(users.map((row) => [row.id, row.name])),
  };
}

function byCategory(byItem: SalesReport["byItem"], names: ReportNames): SalesReport["byCategory"] {
  const totals = new Map<string | null, SalesReport["byCategory"][number]>();
  for (const item of byItem) {
    const category = names.itemCategories.get(item.itemId) ?? null;
    const key = category?.id ?? null;
    const entry = totals.get(key) ?? {
      categoryId: key,
      name: category?.name ?? null,
      quantity: 0,
      revenue: 0,
    };
    totals.set(key, {
      ...entry,
      quantity: entry.quantity + item.quantity,
      revenue: entry.revenue + item.revenue,
    });
  }
  return [...totals.values()].sort(
    (a, b) => b.revenue - a.revenue || (a.categoryId ?? "~").localeCompare(b.categoryId ?? "~"),
  );
}
