import type { SalesReport } from "@quay/protocol";

/** One group of paid orders: same local day, hour, checkout device and cashier. */
export interface OrderGroupRow {
  readonly paid_day: string;
  readonly paid_hour: number | null;
  readonly closed_device: string | null;
  readonly closed_by: string | null;
  readonly orders: number | string;
  readonly revenue: number | string;
}

export interface ReportNames {
  readonly stations: ReadonlyMap<string, { code: string; name: string }>;
  readonly itemCategories: ReadonlyMap<string, { id: string; name: string }>;
  readonly users: ReadonlyMap<string, string>;
}

type OrderTotals = Pick<SalesReport, "revenue" | "orders" | "byDay" | "byHour" | "byStation" | "byCashier">;

/** Orders checked out on the server (phones, back office) come from `web-<session>` devices. */
const SERVER_DEVICE = /^web-/;

interface Tally {
  orders: number;
  revenue: number;
}

function add<K>(map: Map<K, Tally>, key: K, orders: number, revenue: number): void {
  const tally = map.get(key);
  if (tally) {
    tally.orders += orders;
    tally.revenue += revenue;
  } else {
    map.set(key, { orders, revenue });
  }
}

/** Biggest revenue first; ties by key, the unnamed (null) group last. */
const byRevenue = <K extends string | null>([keyA, a]: [K, Tally], [keyB, b]: [K, Tally]) =>
  b.revenue - a.revenue || (keyA ?? "\uffff").localeCompare(keyB ?? "\uffff");

/** Folds the order groups into the totals by day, hour, station and cashier. */
export function summariseOrders(rows: readonly OrderGroupRow[], names: ReportNames): OrderTotals {
  const days = new Map<string, Tally>();
  const hours = new Map<number, Tally>();
  const devices = new Map<string | null, Tally>();
  const cashiers = new Map<string | null, Tally>();
  let orders = 0;
  let revenue = 0;
  for (const row of rows) {
    const count = Number(row.orders);
    const amount = Number(row.revenue);
    orders += count;
    revenue += amount;
    add(days, row.paid_day, count, amount);
    if (row.paid_hour !== null) add(hours, Number(row.paid_hour), count, amount);
    const device =
      row.closed_device === null || SERVER_DEVICE.test(row.closed_device) ? null : row.closed_device;
    add(devices, device, count, amount);
    add(cashiers, row.closed_by, count, amount);
  }
  return {
    revenue,
    orders,
    byDay: [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, tally]) => ({ date, revenue: tally.revenue, orders: tally.orders })),
    byHour: [...hours]
      .sort(([a], [b]) => a - b)
      .map(([hour, tally]) => ({ hour, revenue: tally.revenue, orders: tally.orders })),
    byStation: [...devices].sort(byRevenue).map(([stationId, tally]) => {
      const station = stationId === null ? undefined : names.stations.get(stationId);
      return {
        stationId,
        code: station?.code ?? null,
        name: station?.name ?? null,
        orders: tally.orders,
        revenue: tally.revenue,
      };
    }),
    byCashier: [...cashiers].sort(byRevenue).map(([userId, tally]) => ({
      userId,
      name: userId === null ? null : (names.users.get(userId) ?? null),
      orders: tally.orders,
      revenue: tally.revenue,
    })),
  };
}
