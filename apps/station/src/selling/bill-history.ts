import { localDate, type Order } from "@quay/core";
import { type BillsQuery, parseBillSearch } from "@quay/protocol";
import type { StationOrder } from "../db/order-log.js";
import type { StationDb } from "../db/station-db.js";

const DAY_MS = 86_400_000;

/**
 * The counter's bill history (`GET /api/bills`): the paid bills of the store's local days `from`
 * to `to` (today by default), newest first, found by number, table name or total and by payment
 * method, a page at a time. Read from this station's own file, so it answers offline too; it
 * holds the bills of other counters and phones as far as they have synced here.
 */
export function billHistory(
  db: StationDb,
  query: BillsQuery,
  nowMs: number,
): { orders: StationOrder[]; next: number | null } {
  const timeZone = db.identity()?.store.timeZone;
  const today = localDate(nowMs, timeZone);
  const from = query.from ?? today;
  const to = query.to ?? query.from ?? today;
  // A day in any time zone lies within a day either side of its UTC date.
  const since = new Date(Date.parse(`${from}T00:00:00.000Z`) - DAY_MS).toISOString();
  const until = new Date(Date.parse(`${to}T00:00:00.000Z`) + 2 * DAY_MS).toISOString();
  const matches = billMatcher(db, query.q);
  const bills = db.orders.paidBetween(since, until).filter((order) => {
    if (order.paidAt === null) return false;
    const day = localDate(Date.parse(order.paidAt), timeZone);
    if (day < from || day > to) return false;
    if (query.method && !order.payments.some((payment) => payment.method === query.method)) return false;
    return matches(order);
  });
  const page = bills.slice(query.offset, query.offset + query.limit);
  const next = query.offset + query.limit < bills.length ? query.offset + query.limit : null;
  return { orders: page, next };
}

/** What `q` finds: a part of the number or of the table's name, or the total typed as digits. */
function billMatcher(db: StationDb, q: string | undefined): (order: Order) => boolean {
  const search = parseBillSearch(q);
  if (search === null) return () => true;
  return (order) => {
    if (order.number?.toLocaleLowerCase("vi").includes(search.text)) return true;
    const table = order.tableId === null ? undefined : db.findTable(order.tableId);
    if (table?.name.toLocaleLowerCase("vi").includes(search.text)) return true;
    return search.total !== null && order.total === search.total;
  };
}
