import { parseStoredOrder } from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { all, allIn, get, type Script, type SqlValue } from "../sql-script.js";
import { utcIso } from "./order-projection.js";

export interface OrderRow {
  id: string;
  store_id: string;
  received_at: string;
  view: string;
}

/** An order as the server returns it: the fold plus when it first reached the server. */
export interface StoredOrder {
  readonly storeId: string;
  readonly view: OrderView;
}

/** An order row as the API returns it. */
export function toOrderView(row: OrderRow): OrderView {
  // `view` holds the JSON of the core's fold (`Order`), the wire Order without `receivedAt`.
  const order = parseStoredOrder(row.view) as unknown as OrderView;
  return { ...order, receivedAt: row.received_at };
}

function toStoredOrder(row: OrderRow): StoredOrder {
  return { storeId: row.store_id, view: toOrderView(row) };
}

export function* getOrder(id: string): Script<StoredOrder | undefined> {
  const row = yield* get<OrderRow>("SELECT id, store_id, received_at, view FROM orders WHERE id = ?", [id]);
  return row && toStoredOrder(row);
}

export function* getOrders(ids: readonly string[]): Script<StoredOrder[]> {
  const rows = yield* allIn<OrderRow>(
    "SELECT id, store_id, received_at, view FROM orders WHERE id IN (?*)",
    ids,
  );
  return rows.map(toStoredOrder);
}

/** Which time orders are listed by: payment for paid ones, opening for the rest. */
export type OrderSortKey = "paidAt" | "openedAt";

export function orderSortKey(status: OrderFilter["status"]): OrderSortKey {
  return status === "paid" ? "paidAt" : "openedAt";
}

/** Where an order sits in a listing: its sort time (null sorts last) and, among equal times, its id. */
export interface OrderPosition {
  readonly by: OrderSortKey;
  readonly at: string | null;
  readonly id: string;
}

export interface OrderFilter {
  readonly storeIds: readonly string[];
  readonly status?: "open" | "paid" | "void" | undefined;
  /** Paid orders by when they were paid, others by when they were opened. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
  /** Only the orders listed after this one (the previous page's last). */
  readonly after?: OrderPosition | undefined;
}

/** One page of a listing; `next` is its last order when more follow, else null. */
export interface OrderPage {
  readonly orders: OrderView[];
  readonly next: OrderPosition | null;
}

interface ListedOrderRow extends OrderRow {
  sort_at: string | null;
}

/**
 * The newest orders of the given stores matching the filter, `limit` at a time. The order is
 * total (time, then id, both descending; no time last), so paging by the last order seen
 * neither skips nor repeats one, whatever arrives in between.
 */
export function* listOrders(filter: OrderFilter): Script<OrderPage> {
  if (filter.storeIds.length === 0) return { orders: [], next: null };
  const by = orderSortKey(filter.status);
  const timeColumn = by === "paidAt" ? "paid_at" : "opened_at";
  const conditions = [`store_id IN (${filter.storeIds.map(() => "?").join(", ")})`];
  const params: SqlValue[] = [...filter.storeIds];
  if (filter.status) {
    conditions.push("status = ?");
    params.push(filter.status);
  }
  if (filter.from) {
    conditions.push(`${timeColumn} >= ?`);
    params.push(utcIso(filter.from));
  }
  if (filter.to) {
    conditions.push(`${timeColumn} < ?`);
    params.push(utcIso(filter.to));
  }
  const after = filter.after;
  if (after && after.at !== null) {
    conditions.push(`(${timeColumn} IS NULL OR ${timeColumn} < ? OR (${timeColumn} = ? AND id < ?))`);
    params.push(after.at, after.at, after.id);
  } else if (after) {
    conditions.push(`(${timeColumn} IS NULL AND id < ?)`);
    params.push(after.id);
  }
  // One more than a page tells whether another follows.
  params.push(filter.limit + 1);
  const rows = yield* all<ListedOrderRow>(
    `SELECT id, store_id, received_at, view, ${timeColumn} AS sort_at FROM orders
     WHERE ${conditions.join(" AND ")}
     ORDER BY ${timeColumn} IS NULL, ${timeColumn} DESC, id DESC LIMIT ?`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    orders: page.map((row) => toStoredOrder(row).view),
    next: rows.length > filter.limit && last ? { by, at: last.sort_at, id: last.id } : null,
  };
}
