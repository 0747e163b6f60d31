import { foldOrder, localHour, type Order } from "@quay/core";
import { loadOrderOps, opsByOrder } from "./scripts/order-log.js";
import { rebuildRollup } from "./scripts/sales-rollup.js";
import { all, exec, insertMany, type Script, type SqlValue } from "./sql-script.js";

/**
 * Migration 10. The fold now says who opened an order and who checked it out on which device, so
 * each order's `view` holds everything the rollup counts it for: the report rows (`sale_lines`,
 * `sale_payments`) and the attribution columns go (and `updated_seq`, which nothing read), and
 * the rollup's item rows keep the name each item was sold under (what reports read `sale_lines`
 * for). The views are upgraded from the op log and the rollup is rebuilt from them, which also
 * covers rows that predate migrations 2 and 3 (filled in at start until now). Runs against the
 * schema as this migration leaves it: a later migration that reshapes `orders` or
 * `sales_rollup` must keep these steps valid at version 10.
 */
export function* foldedAttribution(): Script<void> {
  yield* exec(`
-- For dimension 'item': the name the item was sold under (its last line written that day), shown
-- for an item no longer on the menu. NULL on the other dimensions.
ALTER TABLE sales_rollup ADD COLUMN item_name TEXT;
DROP TABLE sale_lines;
DROP TABLE sale_payments;
-- Read from the view now (openedByUserId, closedByUserId, closedOnDeviceId).
ALTER TABLE orders DROP COLUMN opened_by;
ALTER TABLE orders DROP COLUMN closed_by;
ALTER TABLE orders DROP COLUMN closed_device;
-- Written since migration 1, never read: pulls go by the ops' own sequence.
ALTER TABLE orders DROP COLUMN updated_seq;
-- The start-up backfill's mark: this migration does its work.
DELETE FROM server_meta WHERE key = 'projection_version';
`);
  yield* upgradeOrderViews();
  yield* rebuildRollup();
}

const BATCH = 500;

interface StoredOrderRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly store_id: string;
  readonly status: string;
  readonly total: number | string;
  readonly received_at: string;
  readonly view: string;
  readonly paid_at: string | null;
  readonly paid_hour: number | string | null;
  readonly time_zone: string;
}

/**
 * Writes into every order's view who opened it and who checked it out on which device, as the
 * fold of its ops says, and gives paid rows written before migration 2 their local hour of payment. The rest of each view stays as it was written: what the rollup counted
 * for an order is what its view says, so taking it back later cancels out exactly.
 */
function* upgradeOrderViews(): Script<void> {
  let after = "";
  for (;;) {
    const rows = yield* all<StoredOrderRow>(
      `SELECT orders.id, orders.tenant_id, orders.store_id, orders.status, orders.total, orders.received_at,
         orders.view, orders.paid_at, orders.paid_hour, stores.time_zone
       FROM orders JOIN stores ON stores.id = orders.store_id WHERE orders.id > ? ORDER BY orders.id LIMIT ?`,
      [after, BATCH],
    );
    const last = rows.at(-1);
    if (!last) return;
    const opsOf = opsByOrder(yield* loadOrderOps(rows.map((row) => row.id)));
    const upgraded: SqlValue[][] = rows.map((row) => {
      const folded = foldOrder(row.id, opsOf.get(row.id) ?? []);
      const view: Order = {
        ...(JSON.parse(row.view) as Order),
        openedByUserId: folded.openedByUserId,
        closedByUserId: folded.closedByUserId,
        closedOnDeviceId: folded.closedOnDeviceId,
      };
      const paidHour =
        row.paid_hour ??
        (row.status === "paid" && row.paid_at !== null
          ? localHour(Date.parse(row.paid_at), row.time_zone)
          : null);
      return [
        row.id,
        row.tenant_id,
        row.store_id,
        row.status,
        row.total,
        row.received_at,
        JSON.stringify(view),
        paidHour === null ? null : Number(paidHour),
      ];
    });
    // An upsert of rows that all exist: one multi-row statement per batch on PostgreSQL.
    yield* insertMany(
      `INSERT INTO orders (id, tenant_id, store_id, status, total, received_at, view, paid_hour)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET view = excluded.view, paid_hour = excluded.paid_hour`,
      upgraded,
    );
    if (rows.length < BATCH) return;
    after = last.id;
  }
}
