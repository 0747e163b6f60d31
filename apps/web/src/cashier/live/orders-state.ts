import type { Order } from "../api/station-types.js";

export type OrdersById = ReadonlyMap<string, Order>;

function isNewer(incoming: Order, current: Order | undefined): boolean {
  if (current === undefined) return true;
  if (incoming.updatedAt === null || current.updatedAt === null) return true;
  return incoming.updatedAt >= current.updatedAt;
}

/** Keeps the latest fold of an order: a late answer or event never overwrites a newer one. */
export function upsertOrder(orders: OrdersById, order: Order): OrdersById {
  if (!isNewer(order, orders.get(order.id))) return orders;
  const next = new Map(orders);
  next.set(order.id, order);
  return next;
}

/** Replaces the open orders with a fresh list; orders closed meanwhile keep their last state. */
export function replaceOpenOrders(orders: OrdersById, open: readonly Order[]): OrdersById {
  const next = new Map<string, Order>();
  for (const order of orders.values()) if (order.status !== "open") next.set(order.id, order);
  for (const order of open) {
    const current = orders.get(order.id);
    next.set(order.id, current !== undefined && !isNewer(order, current) ? current : order);
  }
  return next;
}
