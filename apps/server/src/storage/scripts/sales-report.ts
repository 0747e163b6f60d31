import type { PaymentMethod } from "@quay/core";
import type { SalesReport } from "@quay/protocol";
import { all, allIn, placeholders, type Script, type SqlValue } from "../sql-script.js";
import { storeStations, userNames } from "./display-names.js";
import { type GroupRow, type ReportNames, salesByCategory, summariseOrders } from "./sales-groups.js";
import type { RollupDimension } from "./sales-rollup.js";

export interface SalesReportInput {
  readonly storeIds: readonly string[];
  /** First and last local day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_SALES_REPORT: SalesReport = {
  revenue: 0,
  orders: 0,
  refunds: 0,
  discounts: 0,
  byDay: [],
  byMethod: [],
  byItem: [],
  byHour: [],
  byCategory: [],
  byStation: [],
  byCashier: [],
  discountsByDay: [],
  discountsByReason: [],
  discountsByApprover: [],
};

interface RollupRow {
  readonly dimension: RollupDimension;
  readonly group_key: string;
  readonly quantity: number | string;
  readonly amount: number | string;
}

/** The rollup's rows of one dimension as order groups (the empty key stands for "unknown"). */
function orderGroups<K>(
  rows: readonly RollupRow[],
  dimension: RollupDimension,
  key: (text: string) => K,
): GroupRow<K>[] {
  return rows
    .filter((row) => row.dimension === dimension && Number(row.quantity) !== 0)
    .map((row) => ({ group_key: key(row.group_key), orders: row.quantity, revenue: row.amount }));
}

const orNull = (text: string) => (text === "" ? null : text);

/**
 * Sales of paid orders (void ones excluded) whose local day of payment — the day the sale was
 * made at the counter, whenever it reached the server — lies in [from, to]. One range scan of
 * the sales rollup (kept in step with every order by `saveOrderProjections`), a few hundred rows
 * a day whatever the number of invoices; names come from the catalog, stations and users, and
 * for an item since taken off the menu from the rollup's item rows.
 */
export function* salesReport(input: SalesReportInput): Script<SalesReport> {
  if (input.storeIds.length === 0) return EMPTY_SALES_REPORT;
  const range = `store_id IN (${placeholders(input.storeIds.length)}) AND paid_day >= ? AND paid_day <= ?`;
  const params: SqlValue[] = [...input.storeIds, input.from, input.to];
  const rows = yield* all<RollupRow>(
    `SELECT dimension, group_key, SUM(quantity) AS quantity, SUM(amount) AS amount FROM sales_rollup
     WHERE ${range} GROUP BY dimension, group_key`,
    params,
  );
  const groups = {
    days: orderGroups(rows, "day", (key) => key),
    hours: orderGroups(rows, "hour", (key) => (key === "" ? null : Number(key))),
    devices: orderGroups(rows, "device", orNull),
    cashiers: orderGroups(rows, "cashier", orNull),
  };
  const names = yield* reportNames(input.storeIds, groups.cashiers);
  const soldItems = rows.filter(
    (row) => row.dimension === "item" && (Number(row.quantity) !== 0 || Number(row.amount) !== 0),
  );
  const gone = yield* soldNames(
    range,
    params,
    soldItems.map((row) => row.group_key).filter((itemId) => !names.items.has(itemId)),
  );
  const byItem: SalesReport["byItem"] = soldItems.map((row) => ({
    itemId: row.group_key,
    name: names.items.get(row.group_key)?.name ?? gone.get(row.group_key) ?? "",
    quantity: Number(row.quantity),
    revenue: Number(row.amount),
  }));
  byItem.sort((a, b) => b.revenue - a.revenue || a.itemId.localeCompare(b.itemId));
  const byItemOptions = yield* soldWithOptions(range, params, rows);
  const byMethod = rows
    .filter((row) => row.dimension === "method" && Number(row.amount) !== 0)
    .map((row) => ({ method: row.group_key as PaymentMethod, amount: Number(row.amount) }))
    .sort((a, b) => a.method.localeCompare(b.method));
  const approvers = yield* userNames(
    rows
      .filter((row) => row.dimension === "discountApprover" && row.group_key !== "")
      .map((row) => row.group_key),
  );
  return {
    ...lessRefunds(summariseOrders(groups, names), byMethod, rows),
    byItem,
    // Only when something sold with options: a report without reads as before.
    ...(byItemOptions.length > 0 ? { byItemOptions } : {}),
    byCategory: salesByCategory(byItem, names),
    ...discountGroups(rows, approvers),
  };
}

/** The discounts by day, by reason and by approver, largest first (days in order). */
function discountGroups(rows: readonly RollupRow[], approvers: ReadonlyMap<string, string>) {
  const of = (dimension: RollupDimension) =>
    rows
      .filter((row) => row.dimension === dimension && Number(row.quantity) !== 0)
      .map((row) => ({ key: row.group_key, discounts: Number(row.quantity), amount: Number(row.amount) }))
      .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
  return {
    discountsByDay: of("discount")
      .map(({ key, ...sums }) => ({ date: key, ...sums }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    discountsByReason: of("discountReason").map(({ key, ...sums }) => ({ reason: orNull(key), ...sums })),
    discountsByApprover: of("discountApprover").map(({ key, ...sums }) => ({
      userId: orNull(key),
      name: key === "" ? null : (approvers.get(key) ?? null),
      ...sums,
    })),
  };
}

const sumOf = (rows: readonly RollupRow[], dimension: RollupDimension) =>
  rows.filter((row) => row.dimension === dimension).reduce((sum, row) => sum + Number(row.amount), 0);

/**
 * The sales' figures less the refunds made in the range, each on its own day: revenue, the days
 * (a day with refunds only shows with no orders) and the methods the money went back by.
 */
function lessRefunds(
  totals: ReturnType<typeof summariseOrders>,
  byMethod: SalesReport["byMethod"],
  rows: readonly RollupRow[],
): Omit<
  SalesReport,
  "byItem" | "byCategory" | "discountsByDay" | "discountsByReason" | "discountsByApprover"
> {
  const refunds = sumOf(rows, "refundMethod");
  const days = new Map(totals.byDay.map((day) => [day.date, { ...day }]));
  for (const row of rows.filter((candidate) => candidate.dimension === "refundDay")) {
    const day = days.get(row.group_key) ?? { date: row.group_key, revenue: 0, orders: 0 };
    day.revenue -= Number(row.amount);
    days.set(row.group_key, day);
  }
  const methods = new Map(byMethod.map((entry) => [entry.method, entry.amount]));
  for (const row of rows.filter((candidate) => candidate.dimension === "refundMethod")) {
    const method = row.group_key as PaymentMethod;
    methods.set(method, (methods.get(method) ?? 0) - Number(row.amount));
  }
  return {
    ...totals,
    revenue: totals.revenue - refunds,
    refunds,
    discounts: sumOf(rows, "discount"),
    byDay: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
    byMethod: [...methods]
      .filter(([, amount]) => amount !== 0)
      .map(([method, amount]) => ({ method, amount }))
      .sort((a, b) => a.method.localeCompare(b.method)),
  };
}

/** The rows of items sold with options (`itemOptions`), named as sold, the best sellers first. */
function* soldWithOptions(
  range: string,
  params: readonly SqlValue[],
  rows: readonly RollupRow[],
): Script<NonNullable<SalesReport["byItemOptions"]>> {
  const sold = rows.filter(
    (row) => row.dimension === "itemOptions" && (Number(row.quantity) !== 0 || Number(row.amount) !== 0),
  );
  if (sold.length === 0) return [];
  const named = yield* all<{ group_key: string; item_name: string | null }>(
    `SELECT group_key, MAX(item_name) AS item_name FROM sales_rollup
     WHERE ${range} AND dimension = 'itemOptions' GROUP BY group_key`,
    params,
  );
  const names = new Map(named.map((row) => [row.group_key, row.item_name ?? ""]));
  return sold
    .map((row) => ({
      itemId: row.group_key.split("|")[0] ?? "",
      name: names.get(row.group_key) ?? "",
      quantity: Number(row.quantity),
      revenue: Number(row.amount),
    }))
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name, "vi"));
}

/**
 * The names items no longer on the menu were sold under, from their rollup rows: read only for
 * those, so the report's one scan of the rollup stays as narrow as its sums.
 */
function* soldNames(
  range: string,
  params: readonly SqlValue[],
  itemIds: readonly string[],
): Script<Map<string, string>> {
  const rows = yield* allIn<{ group_key: string; item_name: string | null }>(
    `SELECT group_key, MAX(item_name) AS item_name FROM sales_rollup
     WHERE ${range} AND dimension = 'item' AND group_key IN (?*) GROUP BY group_key`,
    itemIds,
    params,
  );
  return new Map(rows.flatMap((row) => (row.item_name === null ? [] : [[row.group_key, row.item_name]])));
}

/** The names the groups are shown under: the stores' stations and menu, the cashiers. */
function* reportNames(
  storeIds: readonly string[],
  cashiers: readonly GroupRow<string | null>[],
): Script<ReportNames> {
  const stores = `store_id IN (${placeholders(storeIds.length)})`;
  const stations = yield* storeStations(storeIds);
  const items = yield* all<{ id: string; name: string; category_id: string; category_name: string }>(
    `SELECT items.id, items.name, items.category_id, categories.name AS category_name FROM items
     JOIN categories ON categories.id = items.category_id WHERE items.${stores}`,
    storeIds,
  );
  const users = yield* userNames(cashiers.map((row) => row.group_key).filter((id) => id !== null));
  return {
    stations,
    items: new Map(
      items.map((row) => [
        row.id,
        { name: row.name, categoryId: row.category_id, categoryName: row.category_name },
      ]),
    ),
    users,
  };
}
