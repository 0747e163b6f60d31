import type { SalesReport } from "@quay/protocol";

/** Paid orders grouped by one column: how many, and their totals. */
export interface GroupRow<K> {
  readonly group_key: K;
  readonly orders: number | string;
  readonly revenue: number | string;
}

/** The order groups a sales report is made of, each read by one query. */
export interface OrderGroups {
  readonly days: readonly GroupRow<string>[];
  readonly hours: readonly GroupRow<number | null>[];
  readonly devices: readonly GroupRow<string | null>[];
  readonly cashiers: readonly GroupRow<string | null>[];
}

export interface ReportNames {
  readonly stations: ReadonlyMap<string, { code: string; name: string }>;
  readonly items: ReadonlyMap<string, { name: string; categoryId: string; categoryName: string }>;
  readonly users: ReadonlyMap<string, string>;
}

type OrderTotals = Pick<SalesReport, "revenue" | "orders" | "byDay" | "byHour" | "byStation" | "byCashier">;

/** Orders checked out on the server (phones, back office) come from `web-<session>` devices. */
const SERVER_DEVICE = /^web-/;

interface Tally {
  orders: number;
  revenue: number;
}

/** Sums rows by key (several devices may fold into one group). */
function tally<K>(rows: readonly GroupRow<K>[], keyOf: (key: K) => K = (key) => key): Map<K, Tally> {
  const totals = new Map<K, Tally>();
  for (const row of rows) {
    const key = keyOf(row.group_key);
    const current = totals.get(key) ?? { orders: 0, revenue: 0 };
    totals.set(key, {
      orders: current.orders + Number(row.orders),
      revenue: current.revenue + Number(row.revenue),
    });
  }
  return totals;
}

/** Biggest revenue first; ties by key, the unnamed (null) group last. */
const byRevenue = <K extends string | null>([keyA, a]: [K, Tally], [keyB, b]: [K, Tally]) =>
  b.revenue - a.revenue || (keyA ?? "\uffff").localeCompare(keyB ?? "\uffff");

/** Turns the order groups into the report's totals by day, hour, station and cashier. */
export function summariseOrders(groups: OrderGroups, names: ReportNames): OrderTotals {
  const days = tally(groups.days);
  let orders = 0;
  let revenue = 0;
  for (const day of days.values()) {
    orders += day.orders;
    revenue += day.revenue;
  }
  const devices = tally(groups.devices, (device) =>
    device === null || SERVER_DEVICE.test(device) ? null : device,
  );
  return {
    revenue,
    orders,
    byDay: [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, total]) => ({ date, revenue: total.revenue, orders: total.orders })),
    byHour: [...tally(groups.hours)]
      .filter((entry): entry is [number, Tally] => entry[0] !== null)
      .map(([hour, total]): [number, Tally] => [Number(hour), total])
      .sort(([a], [b]) => a - b)
      .map(([hour, total]) => ({ hour, revenue: total.revenue, orders: total.orders })),
    byStation: [...devices].sort(byRevenue).map(([stationId, total]) => {
      const station = stationId === null ? undefined : names.stations.get(stationId);
      return {
        stationId,
        code: station?.code ?? null,
        name: station?.name ?? null,
        orders: total.orders,
        revenue: total.revenue,
      };
    }),
    byCashier: [...tally(groups.cashiers)].sort(byRevenue).map(([userId, total]) => ({
      userId,
      name: userId === null ? null : (names.users.get(userId) ?? null),
      orders: total.orders,
      revenue: total.revenue,
    })),
  };
}

/** Sales by category, from the sales by item and the catalog (items since deleted: no category). */
export function salesByCategory(
  byItem: SalesReport["byItem"],
  names: ReportNames,
): SalesReport["byCategory"] {
  const totals = new Map<string | null, SalesReport["byCategory"][number]>();
  for (const item of byItem) {
    const known = names.items.get(item.itemId);
    const key = known?.categoryId ?? null;
    const entry = totals.get(key) ?? {
      categoryId: key,
      name: known?.categoryName ?? null,
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
    (a, b) => b.revenue - a.revenue || (a.categoryId ?? "\uffff").localeCompare(b.categoryId ?? "\uffff"),
  );
}
