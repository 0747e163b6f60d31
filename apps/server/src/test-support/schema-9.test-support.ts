/**
 * Test support, not shipped code: turns a database of the current schema back into the shape
 * schema 9 gave the same sales, so that migration 10 can be run on it. Schema 9 kept, beside
 * each order's view (which did not say who opened or closed it), the attribution columns
 * `opened_by`, `closed_by`, `closed_device` and the unread `updated_seq`, and for paid orders
 * the report rows `sale_lines` (every line) and `sale_payments` (net money per method); its
 * rollup had no item names.
 */
import type { Order } from "@quay/core";
import type { ServerStorage } from "../storage/server-storage.js";
import { all, exec, insertMany, run, type Script } from "../storage/sql-script.js";

type Engine = ServerStorage["engine"];

/** The DDL of what schema 9 had and migration 10 drops (migrations 1, 2 and 4), in `engine`'s words. */
function schema9Ddl(engine: Engine): string {
  const bigint = engine === "sqlite" ? "INTEGER" : "BIGINT";
  const strict = engine === "sqlite" ? " STRICT" : "";
  return `
ALTER TABLE orders ADD COLUMN opened_by TEXT;
ALTER TABLE orders ADD COLUMN closed_by TEXT;
ALTER TABLE orders ADD COLUMN closed_device TEXT;
ALTER TABLE orders ADD COLUMN updated_seq ${bigint} NOT NULL DEFAULT 0;
CREATE TABLE sale_lines (
  tenant_id TEXT NOT NULL, store_id TEXT NOT NULL, order_id TEXT NOT NULL, line_id TEXT NOT NULL,
  paid_day TEXT NOT NULL, item_id TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL,
  amount ${bigint} NOT NULL, PRIMARY KEY (order_id, line_id)
)${strict};
CREATE INDEX sale_lines_by_item ON sale_lines (item_id);
CREATE TABLE sale_payments (
  tenant_id TEXT NOT NULL, store_id TEXT NOT NULL, order_id TEXT NOT NULL, method TEXT NOT NULL,
  paid_day TEXT NOT NULL, amount ${bigint} NOT NULL, PRIMARY KEY (order_id, method)
)${strict};
ALTER TABLE sales_rollup DROP COLUMN item_name;
`;
}

/** Schema 9's `sale_payments`: what each method brought in, cash less the change. */
function netPayments(order: Order): [string, number][] {
  const byMethod = new Map<string, number>();
  for (const payment of order.payments) {
    byMethod.set(payment.method, (byMethod.get(payment.method) ?? 0) + payment.amount);
  }
  const cash = byMethod.get("cash");
  if (cash !== undefined) byMethod.set("cash", Math.max(0, cash - order.changeDue));
  return [...byMethod].filter(([, amount]) => amount !== 0);
}

function* toSchema9(engine: Engine): Script<void> {
  yield* exec(schema9Ddl(engine));
  const rows = yield* all<{
    id: string;
    tenant_id: string;
    store_id: string;
    status: string;
    paid_day: string | null;
    view: string;
  }>("SELECT id, tenant_id, store_id, status, paid_day, view FROM orders");
  for (const row of rows) {
    const { openedByUserId, closedByUserId, closedOnDeviceId, ...view } = JSON.parse(row.view) as Order;
    const paid = row.status === "paid" && row.paid_day !== null;
    yield* run("UPDATE orders SET view = ?, opened_by = ?, closed_by = ?, closed_device = ? WHERE id = ?", [
      JSON.stringify(view),
      openedByUserId,
      paid ? closedByUserId : null,
      paid ? closedOnDeviceId : null,
      row.id,
    ]);
    if (!paid || row.paid_day === null) continue;
    const scope = [row.tenant_id, row.store_id, row.id];
    yield* insertMany(
      `INSERT INTO sale_lines (tenant_id, store_id, order_id, line_id, paid_day, item_id, name, quantity, amount)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      view.lines.map((line) => [
        ...scope,
        line.id,
        row.paid_day,
        line.itemId,
        line.name,
        line.quantity,
        line.amount,
      ]),
    );
    yield* insertMany(
      "INSERT INTO sale_payments (tenant_id, store_id, order_id, method, paid_day, amount) VALUES (?, ?, ?, ?, ?, ?)",
      netPayments(view as Order).map(([method, amount]) => [...scope, method, row.paid_day, amount]),
    );
  }
  yield* run("DELETE FROM schema_migrations WHERE version = 10");
  // Every start of a schema-9 server ran the backfill to its end and said so.
  yield* run("INSERT INTO server_meta (key, value) VALUES ('projection_version', '3')");
}

/**
 * Puts the store's database back at schema 9, with its sales as schema 9 held them; open it
 * again to migrate it. `neverBackfilled` leaves it as a server that stopped before its start-up
 * backfill was done: no attribution, no hour of payment, an empty rollup.
 */
export async function backToSchema9(storage: ServerStorage, options: { neverBackfilled?: boolean } = {}) {
  await storage.write(toSchema9(storage.engine));
  if (!options.neverBackfilled) return;
  await storage.write(
    (function* () {
      yield* run(
        "UPDATE orders SET opened_by = NULL, closed_by = NULL, closed_device = NULL, paid_hour = NULL",
      );
      yield* run("DELETE FROM sales_rollup");
      yield* run("DELETE FROM server_meta WHERE key = 'projection_version'");
    })(),
  );
}
