/**
 * The station's schema, one entry per version. Append new migrations; never edit a shipped one.
 * `ops` is the log, `orders` the projection (the fold of an order's ops), rewritten in the op's
 * transaction. The outbox is `unsynced_ops` (the ops the server does not hold yet) and
 * `pending_orders` (the orders they belong to); before version 13 it was a `synced` flag on each
 * op and a `dirty` one on each order.
 */
/**
 * An outbox of ops (`ops`, `shift_ops`): each op once by id, in the order this station made
 * them, `synced` once the server said it holds it (`ops` keeps its outbox apart since version 13);
 * `about` names what the op changes. Shipped
 * migrations are made of it: never change what it says.
 */
const outboxTable = (table: string, about: readonly string[]) => `CREATE TABLE ${table} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
${about.map((column) => `    ${column},\n`).join("")}    device_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    synced INTEGER NOT NULL DEFAULT 0
  ) STRICT;`;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  ${outboxTable("ops", ["order_id TEXT NOT NULL", "device_id TEXT NOT NULL"])}
  CREATE INDEX ops_by_order ON ops(order_id);
  CREATE INDEX ops_unsynced ON ops(order_id) WHERE synced = 0;

  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    number TEXT,
    status TEXT NOT NULL,
    table_id TEXT,
    opened_at TEXT,
    closed_at TEXT,
    updated_at TEXT,
    dirty INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX orders_by_status ON orders(status, opened_at);
  CREATE INDEX orders_dirty ON orders(status) WHERE dirty = 1;
  CREATE INDEX orders_closed_dirty ON orders(closed_at, id) WHERE dirty = 1 AND status <> 'open';

  CREATE TABLE credentials (
    user_id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL
  ) STRICT;

  CREATE TABLE invoice_counters (day TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    body TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
  `
  -- An order the server refused for good (its JSON reason): not pushed until a manager resolves it.
  ALTER TABLE orders ADD COLUMN refusal TEXT;

  -- Changes a manager set aside from a refused order: kept for the record, never folded or pushed.
  CREATE TABLE set_aside_ops (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    body TEXT NOT NULL,
    reason TEXT NOT NULL,
    set_aside_at TEXT NOT NULL,
    set_aside_by TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- Failed logins and manager PINs per throttle key (@quay/auth loginThrottleKeys,
  -- managerPinThrottleKeys), so a back-off or lock outlives a restart (docs/security.md,
  -- "Throttling"). last_failure_at is milliseconds since the epoch.
  CREATE TABLE auth_attempts (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX auth_attempts_by_age ON auth_attempts(last_failure_at);
  `,
  `
  -- A spoke's mark beside \`synced\` (docs/sync-protocol.md, "The hub tier"): whether the shop's
  -- hub holds the op. NULL: nothing owed to a hub (another device's op, or made while this station
  -- had none); 0: made here and not yet held by the hub; 1: the hub holds it.
  ALTER TABLE ops ADD COLUMN at_hub INTEGER;
  CREATE INDEX ops_owed_to_hub ON ops(seq) WHERE at_hub = 0;

  -- The counters registered at this station as their hub, and the device token each holds now
  -- (token_id, the token's sid: registering again revokes the earlier token).
  CREATE TABLE spokes (
    station_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_id TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- Every push reports the refused orders (a handful at most, among a year of orders): read them
  -- from an index of those alone, not by scanning every order.
  CREATE INDEX orders_refused ON orders(updated_at, id) WHERE refusal IS NOT NULL;
  `,
  `
  -- Bar, kitchen and receipt tickets (docs/printing.md), written in the transaction of the ops
  -- that cause them. \`op_key\` names what a ticket prints (its ops' ids, or a bill request's id):
  -- one ticket per printer per key. \`ticket_ops\` holds every op this station has considered for a
  -- ticket, so an op pulled twice never makes a second one. \`released_at\`: someone pressed "In"
  -- on a held ticket, so its age no longer holds it.
  CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    printer_id TEXT NOT NULL,
    op_key TEXT NOT NULL,
    order_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    number INTEGER NOT NULL,
    content TEXT NOT NULL,
    state TEXT NOT NULL,
    reprint INTEGER NOT NULL DEFAULT 0,
    made_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    released_at TEXT,
    printed_at TEXT,
    UNIQUE(printer_id, op_key)
  ) STRICT;
  CREATE INDEX tickets_waiting ON tickets(printer_id, id) WHERE state IN ('queued', 'printing');
  CREATE INDEX tickets_held ON tickets(id) WHERE state = 'held';
  CREATE INDEX tickets_by_day ON tickets(day, number);

  CREATE TABLE ticket_ops (op_id TEXT PRIMARY KEY) STRICT;
  `,
  `
  -- When a ticket last changed: a "new items" ticket takes the next taps on its order for a
  -- moment (docs/printing.md, "Taps that make one ticket"), and the spooler waits for it to settle.
  ALTER TABLE tickets ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
  UPDATE tickets SET changed_at = created_at;
  `,
  `
  -- The kitchen screen reads the orders changed in the last hours (docs/printing.md,
  -- "Kitchen and bar screen") without reading the whole history.
  CREATE INDEX orders_by_update ON orders(updated_at);
  `,
  `
  -- A cashier's shifts (docs/sync-protocol.md, "Shifts"): \`shift_ops\` is their log and outbox
  -- beside \`ops\` (synced once the server said it holds the op); \`shifts\` their projection.
  ${outboxTable("shift_ops", ["shift_id TEXT NOT NULL"])}
  CREATE INDEX shift_ops_by_shift ON shift_ops(shift_id);
  CREATE INDEX shift_ops_unsynced ON shift_ops(seq) WHERE synced = 0;

  CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    station_id TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT
  ) STRICT;
  -- One open shift per counter, held by the file itself.
  CREATE UNIQUE INDEX shifts_one_open ON shifts(station_id) WHERE closed_at IS NULL;
  CREATE INDEX shifts_by_close ON shifts(closed_at);
  -- A shift's figures read the orders changed since it opened through orders_by_update.
  `,
  `
  -- Every push and every status reports how many orders wait to sync: count them from an index
  -- of those alone (it replaces orders_dirty, which left the refused ones to the table's rows).
  DROP INDEX orders_dirty;
  CREATE INDEX orders_pending ON orders(status) WHERE dirty = 1 AND refusal IS NULL;
  `,
  `
  -- Sold-out toggles ("hết món", docs/sync-protocol.md "Sold out") made at this counter, or
  -- taken from a spoke as its hub: per item only the latest, owed to the cloud (\`to_cloud\`)
  -- and to the shop's hub (\`to_hub\`) until each said it applied it. The catalog itself (in
  -- settings) holds the state the counter sells by.
  CREATE TABLE sold_out_marks (
    item_id TEXT PRIMARY KEY,
    sold_out INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    to_cloud INTEGER NOT NULL,
    to_hub INTEGER NOT NULL
  ) STRICT;
  `,
  `
  -- A counter numbers its next op from the highest device_seq it used (at its first sale after a
  -- start): read it from an index, not by scanning every op it holds (a second with a year of sales).
  CREATE INDEX ops_by_device ON ops(device_id, device_seq);
  `,
  `
  -- The outbox apart from the log: marking a push synced rewrote each of its ops' rows and each
  -- order's (a sale's whole view) only to flip a flag. An op the server does not hold yet has its
  -- seq in unsynced_ops; an order with such an op and no refusal holding it back is in
  -- pending_orders, with what pushes pick and order it by. ops.synced and orders.dirty are left
  -- behind, neither read nor kept (dropping them would rewrite a year's log at start-up).
  CREATE TABLE unsynced_ops (seq INTEGER PRIMARY KEY) STRICT;
  INSERT INTO unsynced_ops (seq) SELECT seq FROM ops WHERE synced = 0;
  CREATE TABLE pending_orders (
    order_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    closed_at TEXT
  ) STRICT, WITHOUT ROWID;
  INSERT INTO pending_orders (order_id, status, closed_at)
    SELECT id, status, closed_at FROM orders
    WHERE refusal IS NULL AND EXISTS (SELECT 1 FROM ops WHERE ops.order_id = orders.id AND ops.synced = 0);
  CREATE INDEX pending_closed ON pending_orders(closed_at, order_id) WHERE status <> 'open';
  CREATE INDEX pending_open ON pending_orders(order_id) WHERE status = 'open';
  DROP INDEX ops_unsynced;
  DROP INDEX orders_pending;
  DROP INDEX orders_closed_dirty;
  `,
];
