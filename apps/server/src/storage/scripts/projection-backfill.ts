import { localHour } from "@quay/core";
import type { ServerStore } from "../server-store.js";
import { all, get, run, type Script } from "../sql-script.js";
import { orderAttribution } from "./order-attribution.js";
import { loadOrderOps } from "./order-log.js";
import { opsByOrder } from "./order-projection.js";
import { rebuildRollup } from "./sales-rollup.js";

/** The projection every order row has once the backfill is done (schema migrations 2 and 3). */
const PROJECTION_VERSION = "3";
const BATCH = 500;

function* projectionVersion(): Script<string | null> {
  const row = yield* get<{ value: string }>("SELECT value FROM server_meta WHERE key = 'projection_version'");
  return row?.value ?? null;
}

/** Fills the columns migration 2 added on up to `BATCH` orders after `afterId`; returns the last id. */
function* backfillBatch(afterId: string): Script<string | null> {
  const rows = yield* all<{ id: string; paid_at: string | null; status: string; time_zone: string }>(
    `SELECT orders.id, orders.paid_at, orders.status, stores.time_zone FROM orders
     JOIN stores ON stores.id = orders.store_id WHERE orders.id > ? ORDER BY orders.id LIMIT ?`,
    [afterId, BATCH],
  );
  if (rows.length === 0) return null;
  const ops = opsByOrder(yield* loadOrderOps(rows.map((row) => row.id)));
  for (const row of rows) {
    const attribution = orderAttribution(ops.get(row.id) ?? []);
    const paid = row.status === "paid" && row.paid_at !== null;
    yield* run(
      "UPDATE orders SET opened_by = ?, closed_by = ?, closed_device = ?, paid_hour = ? WHERE id = ?",
      [
        attribution.openedBy,
        paid ? attribution.closedBy : null,
        paid ? attribution.closedDevice : null,
        paid && row.paid_at !== null ? localHour(Date.parse(row.paid_at), row.time_zone) : null,
        row.id,
      ],
    );
  }
  return rows.at(-1)?.id ?? null;
}

/**
 * Brings order rows written before schema migration 2 up to date, from their ops, in batches
 * (each its own transaction), rebuilds the sales rollup of migration 3 from the report rows, then
 * records that it is done so later starts skip it. Safe to run again, or on several instances at
 * once: it only rewrites derived data from the op log, and the rebuild holds every store's lock.
 */
export async function backfillOrderProjections(store: ServerStore): Promise<void> {
  if ((await store.read(projectionVersion())) === PROJECTION_VERSION) return;
  let after: string | null = "";
  while (after !== null) after = await store.write(backfillBatch(after));
  await store.write(rebuildRollup());
  await store.write(
    run(
      `INSERT INTO server_meta (key, value) VALUES ('projection_version', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [PROJECTION_VERSION],
    ),
  );
}
