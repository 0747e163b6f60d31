import type { OrderView } from "@quay/protocol";
import { all, type Script } from "../sql-script.js";

/** An open order on the floor and who opened it (a waiter, a cashier), as phones show it. */
export interface FloorOrder {
  readonly order: OrderView;
  readonly openedBy: { readonly id: string; readonly name: string | null } | null;
}

/** The store's open orders, oldest first, each with the name of the user who opened it. */
export function* floorOrders(storeId: string): Script<FloorOrder[]> {
  const rows = yield* all<{
    received_at: string;
    view: string;
    opened_by: string | null;
    name: string | null;
  }>(
    `SELECT orders.received_at, orders.view, orders.opened_by, users.name FROM orders
     LEFT JOIN users ON users.id = orders.opened_by
     WHERE orders.store_id = ? AND orders.status = 'open' ORDER BY orders.opened_at, orders.id`,
    [storeId],
  );
  return rows.map((row) => ({
    order: { ...(JSON.parse(row.view) as OrderView), receivedAt: row.received_at },
    openedBy: row.opened_by === null ? null : { id: row.opened_by, name: row.name },
  }));
}
