import { localDate } from "@quay/core";
import type { Dashboard } from "@quay/protocol";
import { get, type Script } from "../sql-script.js";
import type { StoreRecord } from "./records.js";
import { salesReport } from "./sales-report.js";

const TOP_ITEMS = 5;

/** The calendar day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** One store's day so far, in its own time zone: sales, open tables, best sellers. */
export function* dashboard(store: StoreRecord, nowMs: number): Script<Dashboard> {
  const date = localDate(nowMs, store.timeZone);
  const previousDate = dayBefore(date);
  const today = yield* salesReport({ storeIds: [store.id], from: date, to: date });
  const previous = yield* get<{ orders: number | string; revenue: number | string | null }>(
    `SELECT quantity AS orders, amount AS revenue FROM sales_rollup
     WHERE store_id = ? AND paid_day = ? AND dimension = 'day' AND group_key = ?`,
    [store.id, previousDate, previousDate],
  );
  const open = yield* get<{
    orders: number | string;
    tables: number | string;
    total: number | string | null;
  }>(
    `SELECT COUNT(*) AS orders, COUNT(DISTINCT table_id) AS tables, SUM(total) AS total FROM orders
     WHERE store_id = ? AND status = 'open'`,
    [store.id],
  );
  return {
    storeId: store.id,
    date,
    timeZone: store.timeZone,
    generatedAt: new Date(nowMs).toISOString(),
    revenue: today.revenue,
    orders: today.orders,
    openOrders: Number(open?.orders ?? 0),
    openTables: Number(open?.tables ?? 0),
    openTotal: Number(open?.total ?? 0),
    byHour: today.byHour,
    byMethod: today.byMethod,
    topItems: today.byItem.slice(0, TOP_ITEMS),
    previous: {
      date: previousDate,
      revenue: Number(previous?.revenue ?? 0),
      orders: Number(previous?.orders ?? 0),
    },
  };
}
