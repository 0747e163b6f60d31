import { lineTitle, localDate, type Order, parseStoredOrder } from "@quay/core";
import { all, allIn, insertMany, lockStores, run, type Script, type SqlValue } from "../sql-script.js";

/**
 * The groupings sales are rolled up by (see migration 3). `discount`: the discounts given on the
 * day's sales, on lines and on bills (key: the day; quantity: how many), and the same by their
 * `discountReason` and by the manager who approved them (`discountApprover`, "" for none). `refundDay` and `refundMethod`: the refunds made that day, keyed
 * by the day and by method: a refund counts on the day it was made, not on its sale's.
 * `itemOptions` (migration 19): the lines sold with options, keyed by item and option ids, under
 * the name with its options.
 */
export const ROLLUP_DIMENSIONS = [
  "day",
  "hour",
  "device",
  "cashier",
  "method",
  "item",
  "discount",
  "discountReason",
  "discountApprover",
  "refundDay",
  "refundMethod",
  "itemOptions",
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** Where a paid order counts: its store, and the local day and hour it was paid in. */
export interface SalePlace {
  readonly tenantId: string;
  readonly storeId: string;
  readonly paidDay: string;
  readonly paidHour: number | null;
  /** The store's time zone: the local day each refund was made in. */
  readonly timeZone: string;
}

/** One paid order as the rollup counts it: where, and the folded order itself. */
export interface PaidSale extends SalePlace {
  readonly order: Order;
}

interface Delta {
  readonly tenantId: string;
  readonly storeId: string;
  readonly paidDay: string;
  readonly dimension: RollupDimension;
  readonly key: string;
  quantity: number;
  amount: number;
  /** Item rows: the name the item was sold under (an added line's wins over a taken-back one's). */
  itemName: string | null;
}

/**
 * Changes to the rollup, summed per row: `add` a sale's contribution, `remove` the contribution
 * it made before (when an order's projection is replaced). Write them with `saveRollup`. Both
 * read the same fields of the order, so a sale taken back with the order it was added with
 * cancels out exactly.
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
        delta.itemName,
      ]);
  }

  #apply(sale: PaidSale, sign: 1 | -1): void {
    const bumpOn = (
      day: string,
      dimension: RollupDimension,
      key: string,
      quantity: number,
      amount: number,
    ) => {
      const id = `${sale.storeId}\u0000${day}\u0000${dimension}\u0000${key}`;
      let delta = this.#deltas.get(id);
      if (!delta) {
        delta = {
          tenantId: sale.tenantId,
          storeId: sale.storeId,
          paidDay: day,
          dimension,
          key,
          quantity: 0,
          amount: 0,
          itemName: null,
        };
        this.#deltas.set(id, delta);
      }
      delta.quantity += sign * quantity;
      delta.amount += sign * amount;
      return delta;
    };
    const bump = (dimension: RollupDimension, key: string, quantity: number, amount: number) =>
      bumpOn(sale.paidDay, dimension, key, quantity, amount);
    const { order } = sale;
    bump("day", sale.paidDay, 1, order.total);
    bump("hour", sale.paidHour === null ? "" : String(sale.paidHour), 1, order.total);
    bump("device", order.closedOnDeviceId ?? "", 1, order.total);
    bump("cashier", order.closedByUserId ?? "", 1, order.total);
    for (const [method, amount] of netPaymentsByMethod(order)) bump("method", method, 1, amount);
    for (const line of order.lines) {
      const delta = bump("item", line.itemId, line.quantity, line.amount);
      if (sign === 1 || delta.itemName === null) delta.itemName = line.name;
      if (line.options && line.options.length > 0) {
        // The same item with the same options is one row: "Trà sữa (L, Trân châu)".
        const key = `${line.itemId}|${line.options.map((option) => option.optionId).join(",")}`;
        const withOptions = bump("itemOptions", key, line.quantity, line.amount);
        if (sign === 1 || withOptions.itemName === null) withOptions.itemName = lineTitle(line);
      }
    }
    for (const given of [order.billDiscount, ...order.lines.map((line) => line.discount)]) {
      if (!given) continue;
      bump("discount", sale.paidDay, 1, given.amount);
      bump("discountReason", given.reason ?? "", 1, given.amount);
      bump("discountApprover", given.approvedBy ?? "", 1, given.amount);
    }
    for (const refund of order.refunds) {
      // Read in the store's time zone as it is now, when added and when taken back alike.
      const day = localDate(Date.parse(refund.at), sale.timeZone);
      bumpOn(day, "refundDay", day, 1, refund.amount);
      bumpOn(day, "refundMethod", refund.method, 1, refund.amount);
    }
  }
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

/** Adds the summed changes to the rollup rows (creating the rows that do not exist yet). */
export function* saveRollup(changes: RollupChanges): Script<void> {
  yield* insertMany(
    `INSERT INTO sales_rollup (tenant_id, store_id, paid_day, dimension, group_key, quantity, amount, item_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (store_id, paid_day, dimension, group_key) DO UPDATE SET
       quantity = sales_rollup.quantity + excluded.quantity, amount = sales_rollup.amount + excluded.amount,
       item_name = COALESCE(excluded.item_name, sales_rollup.item_name)`,
    changes.rows(),
  );
}

interface PaidOrderRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly store_id: string;
  readonly paid_day: string;
  readonly paid_hour: number | string | null;
  readonly view: string;
  readonly time_zone: string;
}

// Valid from migration 3 on: migration 10 rebuilds the rollup with them.
const PAID_ORDER_COLUMNS =
  "orders.id, orders.tenant_id, orders.store_id, orders.paid_day, orders.paid_hour, orders.view, stores.time_zone";
const PAID_ORDERS = "orders JOIN stores ON stores.id = orders.store_id";
const COUNTED = "orders.status = 'paid' AND orders.paid_day IS NOT NULL";

function paidSale(row: PaidOrderRow): PaidSale {
  return {
    tenantId: row.tenant_id,
    storeId: row.store_id,
    paidDay: row.paid_day,
    paidHour: row.paid_hour === null ? null : Number(row.paid_hour),
    timeZone: row.time_zone,
    // `view` is the JSON of the fold that was counted when the row was written.
    order: parseStoredOrder(row.view),
  };
}

/** The sales these orders count for now (read before their projection is replaced). */
export function* storedSales(orderIds: readonly string[]): Script<PaidSale[]> {
  const rows = yield* allIn<PaidOrderRow>(
    `SELECT ${PAID_ORDER_COLUMNS} FROM ${PAID_ORDERS} WHERE ${COUNTED} AND orders.id IN (?*)`,
    orderIds,
  );
  return rows.map(paidSale);
}

const REBUILD_BATCH = 1_000;

/**
 * Rebuilds the whole rollup from the paid orders' rows (at migration 10, or to repair it),
 * holding every store's lock so no push changes the rows while they are summed.
 */
export function* rebuildRollup(): Script<void> {
  const stores = yield* all<{ id: string }>("SELECT id FROM stores");
  yield* lockStores(stores.map((store) => store.id));
  yield* run("DELETE FROM sales_rollup");
  const rollup = new RollupChanges();
  let after = "";
  for (;;) {
    const rows = yield* all<PaidOrderRow>(
      `SELECT ${PAID_ORDER_COLUMNS} FROM ${PAID_ORDERS} WHERE ${COUNTED} AND orders.id > ?
       ORDER BY orders.id LIMIT ?`,
      [after, REBUILD_BATCH],
    );
    for (const row of rows) rollup.add(paidSale(row));
    const last = rows.at(-1);
    if (!last || rows.length < REBUILD_BATCH) break;
    after = last.id;
  }
  yield* saveRollup(rollup);
}
