import type { PaymentMethod } from "@quay/core";
import { type OrderView, parseBillSearch } from "@quay/protocol";
import { all, placeholders, type Script, type SqlValue } from "../sql-script.js";
import { storeTables } from "./display-names.js";
import { toOrderView } from "./orders.js";

export interface BillFilter {
  readonly storeIds: readonly string[];
  /** First and last local day of payment, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly q?: string | undefined;
  readonly method?: PaymentMethod | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Rows read at a time while the payment method is checked on each bill. */
const BATCH = 200;

/** `LIKE` text matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The back office's bill list (`GET /api/bills`), as a station's own (`billHistory`) but over
 * the stores' every counter: paid bills of local days `from` to `to`, newest first, found by `q`
 * (a part of the number or of the table's name, or the total) and by payment method, a page at a
 * time. The method is in the bill's JSON only: SQL keeps the bills that mention it (a refund may
 * too), and each is checked before it counts for the page.
 */
export function* billPage(filter: BillFilter): Script<{ orders: OrderView[]; next: number | null }> {
  if (filter.storeIds.length === 0) return { orders: [], next: null };
  const conditions = [
    `store_id IN (${placeholders(filter.storeIds.length)})`,
    "status = 'paid'",
    "paid_day >= ?",
    "paid_day <= ?",
  ];
  const params: SqlValue[] = [...filter.storeIds, filter.from, filter.to];
  const search = parseBillSearch(filter.q);
  if (search) {
    const tables = [...(yield* storeTables(filter.storeIds))]
      .filter(([, name]) => name.toLocaleLowerCase("vi").includes(search.text))
      .map(([id]) => id);
    // Numbers are ASCII (STORE-DEVICE-YYYYMMDD-NNNN): LOWER folds them alike on both engines.
    const found = ["LOWER(number) LIKE ? ESCAPE '\\'"];
    params.push(containing(search.text));
    if (tables.length > 0) {
      found.push(`table_id IN (${placeholders(tables.length)})`);
      params.push(...tables);
    }
    if (search.total !== null) {
      found.push("total = ?");
      params.push(search.total);
    }
    conditions.push(`(${found.join(" OR ")})`);
  }
  const method = filter.method;
  if (method) {
    conditions.push("view LIKE ?");
    params.push(containing(`"method":"${method}"`));
  }
  const wanted = filter.offset + filter.limit + 1;
  const matches: OrderView[] = [];
  for (let scanned = 0; matches.length < wanted; scanned += BATCH) {
    const rows = yield* all<{ id: string; store_id: string; received_at: string; view: string }>(
      `SELECT id, store_id, received_at, view FROM orders WHERE ${conditions.join(" AND ")}
       ORDER BY paid_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...params, BATCH, scanned],
    );
    for (const row of rows) {
      const order = toOrderView(row);
      if (!method || order.payments.some((payment) => payment.method === method)) matches.push(order);
    }
    if (rows.length < BATCH) break;
  }
  const orders = matches.slice(filter.offset, filter.offset + filter.limit);
  return {
    orders,
    next: matches.length > filter.offset + filter.limit ? filter.offset + filter.limit : null,
  };
}
