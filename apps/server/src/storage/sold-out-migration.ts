/**
 * Migration 16: whether a menu item is sold out for now ("hết món", docs/back-office.md) and when
 * that was last toggled (device time, ISO-8601 UTC): the latest toggle wins. NULL: never toggled.
 */
export const soldOutMigration = `
ALTER TABLE items ADD COLUMN sold_out INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN sold_out_at TEXT;
`;
