/**
 * Migration 11: what the station last reported of itself on the shop's network
 * (PUT /api/stations/self/network): its role (hub, spoke, counter), the http://address:port URLs
 * phones reach it at (a JSON array of text) and when it said so. NULL until it first reports.
 */
export const stationNetworkMigration = `
ALTER TABLE stations ADD COLUMN network_role TEXT;
ALTER TABLE stations ADD COLUMN network_urls TEXT;
ALTER TABLE stations ADD COLUMN network_reported_at TEXT;
`;

/**
 * Migration 13: what the store's receipts print besides its name, address and phone: its tax
 * code, header and footer lines (newline-separated) and a Wi-Fi line; empty text for none.
 */
export const receiptSettingsMigration = `
ALTER TABLE stores ADD COLUMN tax_code TEXT NOT NULL DEFAULT '';
ALTER TABLE stores ADD COLUMN receipt_header TEXT NOT NULL DEFAULT '';
ALTER TABLE stores ADD COLUMN receipt_footer TEXT NOT NULL DEFAULT '';
ALTER TABLE stores ADD COLUMN wifi TEXT NOT NULL DEFAULT '';
`;
