import { parseStoredOrder } from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { all, allIn, type Script } from "../sql-script.js";

/** An open order on the floor and who opened it (a waiter, a cashier), as phones show it. */
export interface FloorOrder {
  readonly order: OrderView;
  readonly openedBy: { readonly id: string; readonly name: string | null } | null;
}

/** The store's open orders, oldest first, each with the name of the user who opened it. */
export function* floorOrders(storeId: string): Script<FloorOrder[]> {
  const rows = yield* all<{ received_at: string; view: string }>(
    `SELECT received_at, view FROM orders WHERE store_id = ? AND status = 'open' ORDER BY opened_at, id`,
    [storeId],
  );
  const orders = rows.map((row) => ({
    ...(parseStoredOrder(row.view) as unknown as OrderView),
    receivedAt: row.received_at,
  }));
  const openerIds = [...new Set(orders.map((order) => order.openedByUserId ?? null))].filter(
    (id): id is string => id !== null,
  );
  const users = yield* allIn<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE id IN (?*)",
    openerIds,
  );
  const names = new Map(users.map((user) => [user.id, user.name]));
  return orders.map((order) => {
    const openerId = order.openedByUserId ?? null;
    return {
      order,
      openedBy: openerId === null ? null : { id: openerId, name: names.get(openerId) ?? null },
    };
  });
}
