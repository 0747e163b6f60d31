import type { OrderView } from "@quay/protocol";
import { all, allIn, get, type Script, type SqlValue } from "../sql-script.js";
import { utcIso } from "./order-projection.js";

interface OrderRow {
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

function toStoredOrder(row: OrderRow): StoredOrder {
  // `view` holds the JSON of the core's fold (`Order`), the wire Order without `receivedAt`.
  const order = JSON.parse(row.view) as OrderView;
  return { storeId: row.store_id, view: { ...order, receivedAt: row.received_at } };
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

export interface OrderFilter {
  readonly storeIds: readonly string[];
  readonly status?: "open" | "paid" | "void" | undefined;
  /** Paid orders by when they were paid, others by when they were opened. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
}

/** The newest orders of the given stores matching the filter. */
export function* listOrders(filter: OrderFilter): Script<OrderView[]> {
  if (filter.storeIds.length === 0) return [];
  const timeColumn = filter.status === "paid" ? "paid_at" : "opened_at";
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
  params.push(filter.limit);
  const rows = yield* all<OrderRow>(
    `SELECT id, store_id, received_at, view FROM orders WHERE ${conditions.join(" AND ")}
     ORDER BY ${timeColumn} IS NULL, ${timeColumn} DESC, id DESC LIMIT ?`,
    params,
  );
  return rows.map((row) => toStoredOrder(row).view);
}
