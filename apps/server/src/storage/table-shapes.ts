import type { Dialect } from "./schema.js";

// Shapes of table the server's DDL writes more than once. Shipped migrations are made of them:
// what each returns must never change (a new shape gets a new helper), or a database migrated
// now would differ from one migrated when the migration shipped.

/** The first columns of a row a store owns: its id, and the tenant and store it belongs to. */
export const STORE_ROW = `id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL REFERENCES stores (id),`;

/** A store's list of named groups in the order it shows them: menu categories, floor areas. */
export function sortedNamesTable(d: Dialect, table: string): string {
  return `CREATE TABLE ${table} (
  ${STORE_ROW}
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
)${d.tableOptions};
CREATE INDEX ${table}_by_store ON ${table} (store_id);`;
}

/**
 * Links the rows of two tables many to many (a user's stores, a printer's categories), found
 * from either side: by the key from the first, by an index from the second.
 */
export function linkTable(
  d: Dialect,
  table: string,
  from: { readonly column: string; readonly references: string },
  to: { readonly column: string; readonly references: string },
): string {
  return `CREATE TABLE ${table} (
  tenant_id TEXT NOT NULL,
  ${from.column} TEXT NOT NULL REFERENCES ${from.references} (id),
  ${to.column} TEXT NOT NULL REFERENCES ${to.references} (id),
  PRIMARY KEY (${from.column}, ${to.column})
)${d.tableOptions};
CREATE INDEX ${table}_by_${to.column.replace(/_id$/, "")} ON ${table} (${to.column});`;
}

/**
 * The last columns of an op log (`ops`, `shift_ops`): the store, what the op is about (an order,
 * a shift), the device that made it, and the op as JSON; the table's definition ends after them.
 */
export function opLogColumns(d: Dialect, subject: string): string {
  return `tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  ${subject}_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  body TEXT NOT NULL
)${d.tableOptions};`;
}

/**
 * Rows of paid orders only, by the local day they were paid (`sale_lines`, `sale_payments`): one
 * per order and `key`, with the row's own `columns` between the day and its amount.
 */
export function paidOrderRowsTable(
  d: Dialect,
  table: string,
  key: string,
  columns: readonly string[] = [],
): string {
  return `CREATE TABLE ${table} (
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  ${key} TEXT NOT NULL,
  paid_day TEXT NOT NULL,
${columns.map((column) => `  ${column},\n`).join("")}  amount ${d.bigint} NOT NULL,
  PRIMARY KEY (order_id, ${key})
)${d.tableOptions};`;
}
