import type { Dialect } from "./schema.js";
import { linkTable, STORE_ROW } from "./table-shapes.js";

/**
 * Migration 12: the store's printers, and the two store settings the printing reads. Stations
 * get both in the catalog snapshot, so a change to either is a catalog change of the store.
 */
export function printersMigration(d: Dialect): string {
  return `
-- Tickets older than this (after an outage) wait on the counter's screen instead of printing.
ALTER TABLE stores ADD COLUMN ticket_max_age_minutes INTEGER NOT NULL DEFAULT 15;
-- 1: bills and receipts print on the receipt printer, the browser's print dialog the fallback.
ALTER TABLE stores ADD COLUMN print_receipts INTEGER NOT NULL DEFAULT 0;

-- address is tcp://HOST:PORT, always with its port; kind 'kitchen' or 'receipt'; width in mm
-- (58 or 80); vietnamese 'tcvn3' (the printer's code page) or 'raster' (printed as an image).
-- An inactive printer is kept in the back office but left out of the stations' snapshot.
CREATE TABLE printers (
  ${STORE_ROW}
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL,
  width INTEGER NOT NULL,
  vietnamese TEXT NOT NULL,
  active INTEGER NOT NULL,
  UNIQUE (store_id, name)
)${d.tableOptions};

-- The categories a kitchen printer makes tickets for; deleting a category drops its rows here.
${linkTable(d, "printer_categories", { column: "printer_id", references: "printers" }, { column: "category_id", references: "categories" })}
`;
}
