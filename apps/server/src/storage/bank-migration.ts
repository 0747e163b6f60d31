import type { Migration } from "./migration.js";
import type { Dialect } from "./schema.js";
import { STORE_ROW } from "./table-shapes.js";

/**
 * Migration 17: the store's bank notifications (docs/api.md, "Bank notifications"). A store's
 * key is kept as its SHA-256 only (the key is 32 random bytes: no slow hash needed to stop a
 * guess). Every notification is kept with what the server made of it; `seq` is the server
 * sequence a matched one took, so the store's stations pull it after their cursor.
 */
export function bankMigration(d: Dialect): Migration {
  return {
    version: 17,
    name: "bank notifications",
    steps: `
CREATE TABLE bank_keys (
  store_id TEXT PRIMARY KEY REFERENCES stores (id),
  tenant_id TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
)${d.tableOptions};

-- One row per transaction a service told of, by its own id: a retry finds its row and changes nothing.
-- outcome: matched, wrong_amount, no_order, already_paid or outgoing (core's BANK_OUTCOMES).
CREATE TABLE bank_notifications (
  ${STORE_ROW}
  provider TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  gateway TEXT NOT NULL,
  transaction_date TEXT NOT NULL,
  transfer_type TEXT NOT NULL,
  amount ${d.bigint} NOT NULL,
  content TEXT NOT NULL,
  bank_ref TEXT,
  outcome TEXT NOT NULL,
  order_id TEXT,
  order_number TEXT,
  seq ${d.bigint},
  body TEXT NOT NULL,
  UNIQUE (store_id, provider, provider_id)
)${d.tableOptions};
CREATE INDEX bank_notifications_by_store ON bank_notifications (store_id, received_at);
CREATE INDEX bank_notifications_matched ON bank_notifications (store_id, seq) WHERE seq IS NOT NULL;
`,
  };
}
