import type { Migration } from "./migration.js";
import type { Dialect } from "./schema.js";
import { opLogColumns } from "./table-shapes.js";

/**
 * Migration 14: the cashiers' shifts (docs/sync-protocol.md, "Shifts"). Shift ops are their own
 * stream beside the order ops: stored once by id, never pulled; `shifts` is their fold with the
 * figures its counter closed it with.
 */
export function shiftsMigration(d: Dialect): Migration {
  return {
    version: 14,
    name: "cashiers' shifts",
    steps: `
-- 1: a counter of the store takes payments only in an open cash shift.
ALTER TABLE stores ADD COLUMN shift_required INTEGER NOT NULL DEFAULT 0;

-- A shift's ops as the station pushed them (protocol 8), by id: the same op is stored once.
CREATE TABLE shift_ops (
  id TEXT PRIMARY KEY,
  ${opLogColumns(d, "shift")}
CREATE INDEX shift_ops_by_shift ON shift_ops (shift_id);

-- The fold of each shift's ops (the Shift as its counter reported it, JSON in body), rewritten
-- with every push that touches it. closed_day: the store's local day of the close, null while open.
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  station_id TEXT,
  opened_at TEXT,
  closed_at TEXT,
  closed_day TEXT,
  body TEXT NOT NULL
)${d.tableOptions};
CREATE INDEX shifts_by_day ON shifts (store_id, closed_day);
`,
  };
}
