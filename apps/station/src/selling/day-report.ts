import { type DayFigures, dayFigures, localDate, type Order } from "@quay/core";
import type { StationDb } from "../db/station-db.js";

const DAY_MS = 86_400_000;

/**
 * One of the store's days as this counter holds it (`GET /api/day`): the orders that changed
 * since the day began (checked out, refunded or still being served then) and every open order.
 */
export function dayReport(db: StationDb, day: string | undefined, nowMs: number): DayFigures {
  const identity = db.identity();
  const timeZone = identity?.store.timeZone;
  const wanted = day ?? localDate(nowMs, timeZone);
  // A day in any time zone begins within a day of its UTC date's midnight.
  const since = new Date(Date.parse(`${wanted}T00:00:00.000Z`) - DAY_MS).toISOString();
  const orders = new Map<string, Order>();
  for (const order of db.shifts.ordersChangedSince(since)) orders.set(order.id, order);
  for (const order of db.orders.listOrders({ status: "open" })) orders.set(order.id, order);
  return dayFigures([...orders.values()], { day: wanted, timeZone, stationId: identity?.stationId ?? "" });
}
