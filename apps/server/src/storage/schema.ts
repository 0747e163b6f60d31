import { bankMigration } from "./bank-migration.js";
import { discountLimitsMigration } from "./discount-limits-migration.js";
import { foldedAttribution } from "./folded-attribution-migration.js";
import type { Migration } from "./migration.js";
import { optionsMigration } from "./options-migration.js";
import { printersMigration } from "./printers-migration.js";
import { refundsInRollup } from "./refunds-migration.js";
import { shiftsMigration } from "./shifts-migration.js";
import { soldOutMigration } from "./sold-out-migration.js";
import { receiptSettingsMigration, stationNetworkMigration } from "./store-settings-migrations.js";
import { linkTable, opLogColumns, paidOrderRowsTable, STORE_ROW, sortedNamesTable } from "./table-shapes.js";

/** The words in which the engines' DDL differs; `schemaMigrations` writes everything else once. */
export interface Dialect {
  /** An integer column that may pass 2^31: sequence numbers, money, times in milliseconds. */
  readonly bigint: string;
  /** What follows every CREATE TABLE's columns: SQLite's ` STRICT` checks types as PostgreSQL does. */
  readonly tableOptions: string;
  /** The statement that creates the one server sequence. */
  readonly createServerSequence: string;
  /** Migration 5: makes the tables created before it STRICT (SQLite rebuilds them). */
  readonly makeTablesStrict: Migration["steps"];
}

/**
 * The server's schema, one text for both engines: each engine substitutes its `Dialect`, and the
 * same scripts then run on both. Every table but the engine's own bookkeeping
 * (`schema_migrations`, `server_meta`) carries `tenant_id`. Times are ISO-8601 UTC text;
 * booleans are 0/1. Append migrations. A shipped one changes only where a later one brings
 * older databases to the same shape: tables say STRICT since migration 5, which rebuilds the
 * tables made before it.
 */
export function schemaMigrations(d: Dialect): readonly Migration[] {
  return [
    {
      version: 1,
      name: "accounts, catalog, orders, sync",
      steps: `
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)${d.tableOptions};
-- The one server sequence (docs/sync-protocol.md, "The cursor"), shared by ops and catalog/user changes.
${d.createServerSequence}

CREATE TABLE tenants (
  tenant_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
)${d.tableOptions};

CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  auto_sync INTEGER NOT NULL,
  bank_bin TEXT,
  bank_account TEXT,
  bank_account_name TEXT,
  head_seq ${d.bigint} NOT NULL DEFAULT 0,
  catalog_seq ${d.bigint} NOT NULL DEFAULT 0,
  users_seq ${d.bigint} NOT NULL DEFAULT 0,
  next_station_no INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, code)
)${d.tableOptions};

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  pin_hash TEXT,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL
)${d.tableOptions};

${linkTable(d, "user_stores", { column: "user_id", references: "users" }, { column: "store_id", references: "stores" })}

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at ${d.bigint} NOT NULL,
  revoked_at TEXT
)${d.tableOptions};
CREATE INDEX sessions_by_subject ON sessions (subject_id);

CREATE TABLE stations (
  ${STORE_ROW}
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT,
  pending_open INTEGER,
  pending_paid INTEGER,
  UNIQUE (store_id, code)
)${d.tableOptions};

${sortedNamesTable(d, "categories")}

CREATE TABLE items (
  ${STORE_ROW}
  category_id TEXT NOT NULL REFERENCES categories (id),
  name TEXT NOT NULL,
  price ${d.bigint} NOT NULL,
  vat_rate INTEGER NOT NULL,
  unit TEXT NOT NULL,
  active INTEGER NOT NULL
)${d.tableOptions};
CREATE INDEX items_by_store ON items (store_id);
CREATE INDEX items_by_category ON items (category_id);

${sortedNamesTable(d, "areas")}

CREATE TABLE dining_tables (
  ${STORE_ROW}
  area_id TEXT NOT NULL REFERENCES areas (id),
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
)${d.tableOptions};
CREATE INDEX dining_tables_by_store ON dining_tables (store_id);
CREATE INDEX dining_tables_by_area ON dining_tables (area_id);

-- The op log. Ops with the same id are the same op: inserts are ON CONFLICT (id) DO NOTHING.
CREATE TABLE ops (
  seq ${d.bigint} PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ${opLogColumns(d, "order")}
CREATE INDEX ops_by_order ON ops (order_id);
CREATE INDEX ops_by_store ON ops (store_id, seq, device_id);

-- The fold of each order's ops (core's foldOrder), kept in step by every write.
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  number TEXT,
  table_id TEXT,
  status TEXT NOT NULL,
  total ${d.bigint} NOT NULL,
  opened_at TEXT,
  paid_at TEXT,
  paid_day TEXT,
  received_at TEXT NOT NULL,
  updated_seq ${d.bigint} NOT NULL,
  view TEXT NOT NULL
)${d.tableOptions};
CREATE INDEX orders_by_store ON orders (store_id, status, opened_at);
CREATE INDEX orders_paid_by_day ON orders (store_id, paid_day, total) WHERE status = 'paid';

-- Lines and payments of paid orders only, by the local day they were paid: report rows.
${paidOrderRowsTable(d, "sale_lines", "line_id", ["item_id TEXT NOT NULL", "name TEXT NOT NULL", "quantity INTEGER NOT NULL"])}
CREATE INDEX sale_lines_by_day ON sale_lines (store_id, paid_day, item_id, quantity, amount);

${paidOrderRowsTable(d, "sale_payments", "method")}
CREATE INDEX sale_payments_by_day ON sale_payments (store_id, paid_day, method, amount);

-- Order numbers of orders opened on the server: STORE-W-YYYYMMDD-NNNN.
CREATE TABLE order_counters (
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (store_id, day)
)${d.tableOptions};

-- deviceSeq of the ops the server makes for each phone/back-office session.
CREATE TABLE device_counters (
  tenant_id TEXT NOT NULL,
  device_id TEXT PRIMARY KEY,
  last INTEGER NOT NULL
)${d.tableOptions};
`,
    },
    {
      version: 2,
      name: "who opened and who took the money, the local hour of payment",
      steps: `
-- Who opened the order, and of a paid one who checked it out on which device (a station id, or
-- web-<session> for the phone and back office), and the local hour of payment: report groups.
-- Rows written before this migration were filled in from the op log at start; migration 10 does it now.
ALTER TABLE orders ADD COLUMN opened_by TEXT;
ALTER TABLE orders ADD COLUMN closed_by TEXT;
ALTER TABLE orders ADD COLUMN closed_device TEXT;
ALTER TABLE orders ADD COLUMN paid_hour INTEGER;
-- One covering index answers revenue by day, hour, station and cashier from a single range scan.
DROP INDEX orders_paid_by_day;
CREATE INDEX orders_paid_report ON orders (store_id, paid_day, paid_hour, closed_device, closed_by, total)
  WHERE status = 'paid';
`,
    },
    {
      version: 3,
      name: "sales rolled up by local day",
      steps: `
-- What reports read: paid sales summed per store, local day of payment, and one grouping at a
-- time — dimension 'day' (key: the day), 'hour' (0–23), 'device' (station id or web-<session>),
-- 'cashier' (user id), 'method' and 'item' (item id). quantity counts orders, except for items
-- (units sold); amount is order totals, except for methods (money taken) and items (line amounts).
-- Every projection write adds the new contribution of its orders and takes back the old one, in
-- the same transaction (sales-rollup.ts); a year of a busy store is a few thousand rows per key.
CREATE TABLE sales_rollup (
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  paid_day TEXT NOT NULL,
  dimension TEXT NOT NULL,
  group_key TEXT NOT NULL,
  quantity ${d.bigint} NOT NULL,
  amount ${d.bigint} NOT NULL,
  PRIMARY KEY (store_id, paid_day, dimension, group_key)
)${d.tableOptions};
-- The rollup answers every report now: keep pushes cheaper.
DROP INDEX orders_paid_report;
`,
    },
    {
      version: 4,
      name: "report rows indexed by item only",
      steps: `
-- Reports read the rollup (migration 3): the report rows' day indexes only cost every push a
-- scattered insert per line and per payment (a tenth of a catch-up push's time). The lines are
-- still looked up by item, for the name an item left the menu under.
DROP INDEX sale_lines_by_day;
DROP INDEX sale_payments_by_day;
CREATE INDEX sale_lines_by_item ON sale_lines (item_id);
`,
    },
    {
      version: 5,
      name: "SQLite tables check their column types (STRICT)",
      steps: d.makeTablesStrict,
    },
    {
      version: 6,
      name: "failed password and PIN attempts",
      steps: `
-- Failed logins and manager PINs per throttle key (@quay/auth loginThrottleKeys,
-- managerPinThrottleKeys), so a back-off or lock outlives a restart (docs/security.md,
-- "Throttling"). tenant_id is the tenant the key belongs to: NULL for a client address or a
-- username nobody has. last_failure_at is milliseconds since the epoch; rows whose failures are
-- forgotten are pruned as attempts come.
CREATE TABLE auth_attempts (
  throttle_key TEXT PRIMARY KEY,
  tenant_id TEXT,
  failures INTEGER NOT NULL,
  last_failure_at ${d.bigint} NOT NULL
)${d.tableOptions};
CREATE INDEX auth_attempts_by_age ON auth_attempts (last_failure_at);
`,
    },
    {
      version: 7,
      name: "orders found by invoice number",
      steps: `
-- A pushed order's number must be new in its tenant (invoice numbers are unique per chain).
CREATE INDEX orders_by_number ON orders (tenant_id, number);
`,
    },
    {
      version: 8,
      name: "orders a station holds refused, for a manager",
      steps: `
-- The orders refused for good that wait for a manager at the station, as its last push listed
-- them (JSON: [{orderId, number, code, at}]); NULL when it listed none.
ALTER TABLE stations ADD COLUMN refused_orders TEXT;
`,
    },
    {
      version: 9,
      name: "which station pushed each op",
      steps: `
-- The station whose push brought the op: its own, or a spoke's relayed by the shop's hub. NULL
-- for ops made on the server, and for ops stored before this migration, when every pushed op was
-- the pusher's own (device_id). A pull leaves out what the puller pushed, not what it made.
ALTER TABLE ops ADD COLUMN pushed_by TEXT;
`,
    },
    {
      version: 10,
      name: "orders say who opened and checked them out; reports read the rollup alone",
      steps: foldedAttribution,
    },
    { version: 11, name: "where the shop's phones reach each station", steps: stationNetworkMigration },
    {
      version: 12,
      name: "the store's printers and printing settings",
      steps: printersMigration(d),
    },
    { version: 13, name: "what the store's receipts print", steps: receiptSettingsMigration },
    shiftsMigration(d),
    { version: 15, name: "discounts and refunds in the rollup", steps: refundsInRollup },
    { version: 16, name: "menu items sold out for now", steps: soldOutMigration },
    bankMigration(d),
    { version: 18, name: "discount limits per role", steps: discountLimitsMigration },
    optionsMigration(d),
  ];
}
