/**
 * The version of the station ↔ server sync wire (this folder; the HTTP API in `api/` is not
 * versioned). Bump it whenever a schema of the wire changes; `protocol-version.test.ts` fails
 * until you do (and record the new fingerprint). The server accepts every version from
 * MIN_SUPPORTED_PROTOCOL to PROTOCOL_VERSION: raise the minimum only when the server can no
 * longer read what an older station sends.
 *
 * History:
 * 1 — first version: ops, push/pull with a cursor, register, catalog snapshot, credentials.
 * 2 — the server accepts a range of versions and answers a station outside it with which side
 *     is too old (`PROTOCOL_STATION_TOO_OLD`, `PROTOCOL_SERVER_TOO_OLD`); times in any UTC offset
 *     are parsed to `Z` (op order compares them as text); ops a manager approved carry
 *     `approvedBy`, a lowered quantity its reason (optional fields: a version-1 push reads the same).
 * 3 — bounds a database can hold: a push's pending counts are at most 1,000,000 each, a
 *     catalog entry's sort order fits 32 bits (bounds only: a push of versions 1 and 2 reads the
 *     same, short of counts no station holds); the pending work lists the orders refused for
 *     good that wait for a manager (`refused`, optional).
 * 4 — the catalog snapshot carries the store's printers (`printers`, absent from an older
 *     server: none), so that stations print kitchen tickets and receipts online and offline, and
 *     the store's printing settings: how old a ticket may be and still print by itself
 *     (`ticketMaxAgeMinutes`, else 15) and whether receipts print silently (`printReceipts`,
 *     else off).
 * 5 — the voids a merge makes name the order merged into (`mergedInto`, optional): they need the
 *     merge right rather than the void right, so a cashier's merge at a counter syncs; a push of
 *     versions 1 to 4 reads the same.
 * 6 — the store carries what its receipts print besides its name, address and phone: its tax
 *     code (`taxCode`), header and footer lines (`receiptHeader`, `receiptFooter`, up to four
 *     lines of 48 characters each) and a Wi-Fi line (`wifi`); absent from an older server: none.
 * 7 — a new op kind, `markReady {lineIds}` (the kitchen screen's "done"), and the pull query
 *     carries the puller's `protocolVersion`: a pull without it (a station of 6 or older, which
 *     could not parse the new kind) gets no `markReady` ops. A push of versions 1 to 6 reads the same.
 * 8 — a cashier's shifts ride the push as their own stream of ops (`shiftOps`, optional: open
 *     with the opening cash, cash in and out, close with the count and the figures), held by id
 *     like order ops and never pulled; the store says whether a counter may take payments only
 *     in an open shift (`shiftRequired`, else off). A push of versions 1 to 7 reads the same.
 * 9 — an op kind `refund` (money given back on a paid order, by a manager or with a manager's
 *     PIN), left out of the pulls of older stations (`opKnownAt`). A push of versions 1 to 8
 *     reads the same.
 * 10 — a menu item says whether it is sold out ("hết món": `soldOut`, `soldOutAt`; absent from an
 *     older server: on sale), and a station sends the toggles made at its counter to its hub and
 *     to the cloud with a fifth call, `POST /api/sync/sold-out`. A push of versions 1 to 9 reads
 *     the same.
 */
export const PROTOCOL_VERSION = 10;

/** The oldest version the server still accepts: a version-1 push is a version-10 push. */
export const MIN_SUPPORTED_PROTOCOL = 1;

/**
 * Why a receiver (the cloud, or a shop's hub) turns away a station speaking `version`: which
 * side is too old, or null when the version is in range.
 */
export function protocolRefusal(
  version: number,
): "PROTOCOL_STATION_TOO_OLD" | "PROTOCOL_SERVER_TOO_OLD" | null {
  if (version < MIN_SUPPORTED_PROTOCOL) return "PROTOCOL_STATION_TOO_OLD";
  if (version > PROTOCOL_VERSION) return "PROTOCOL_SERVER_TOO_OLD";
  return null;
}
