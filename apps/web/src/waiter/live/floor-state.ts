import type { FloorOrder, Order } from "../api/waiter-types.js";

/** The store's open orders by id, each with who opened it (when known). */
export type FloorOrders = ReadonlyMap<string, FloorOrder>;

function isNewer(incoming: Order, current: Order | undefined): boolean {
  if (current === undefined) return true;
  if (incoming.updatedAt === null || current.updatedAt === null) return true;
  return incoming.updatedAt >= current.updatedAt;
}

/**
 * Records an order a call answered with or the live stream sent: open ones stay on the map (a
 * late answer never overwrites a newer fold), paid and void ones leave it.
 */
export function upsertFloorOrder(orders: FloorOrders, order: Order | FloorOrder): FloorOrders {
  const current = orders.get(order.id);
  if (!isNewer(order, current)) return orders;
  const next = new Map(orders);
  if (order.status !== "open") {
    next.delete(order.id);
    return next;
  }
  const openedBy = "openedBy" in order ? order.openedBy : (current?.openedBy ?? null);
  next.set(order.id, { ...order, openedBy });
  return next;
}

/** Replaces the map with a fresh list from the server, keeping any newer fold already held. */
export function replaceFloor(orders: FloorOrders, fresh: readonly FloorOrder[]): FloorOrders {
  const next = new Map<string, FloorOrder>();
  for (const order of fresh) {
    const current = orders.get(order.id);
    next.set(
      order.id,
      current !== undefined && !isNewer(order, current) ? { ...current, openedBy: order.openedBy } : order,
    );
  }
  return next;
}

/** The open order at each table (the oldest, should two devices have opened one each). */
export function ordersByTable(orders: FloorOrders): Map<string, FloorOrder> {
  const byTable = new Map<string, FloorOrder>();
  for (const order of orders.values()) {
    if (order.tableId === null) continue;
    const current = byTable.get(order.tableId);
    if (!current || (order.openedAt ?? "") < (current.openedAt ?? "")) byTable.set(order.tableId, order);
  }
  return byTable;
}

/** Every line id the map's orders hold, voided ones included. */
export function heldLineIds(orders: FloorOrders): Set<string> {
  const ids = new Set<string>();
  for (const order of orders.values()) {
    for (const line of order.lines) ids.add(line.id);
    for (const line of order.voidedLines) ids.add(line.id);
  }
  return ids;
}
