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
 * 10 — never shipped: changes made side by side took the numbers 10 to 15, and were given 11 to
 *     15 in the order they landed.
 * 11 — the pull carries the transfers the store's bank confirmed for its open orders
 *     (`bankTransfers`, absent from an older server: none), so that the counter waiting on one
 *     records the payment; a push of versions 1 to 10 reads the same.
 * 12 — discounts on a line (op kind `discountLine`, left out of older pulls) and in percent
 *     (`percent`, optional, on `discount` and `discountLine`: the op's `amount` still says what it
 *     took off when given, which an older fold applies); the store says how big a discount each
 *     role gives alone (`discountLimits`, else core's defaults). A push of versions 1 to 11 reads the same.
 * 13 — split at the counter: an op kind `splitLine {lineId, quantity, intoOrderId, intoLineId}`
 *     (units of a line moved to a new order, backed by that order's `addLine`), left out of the
 *     pulls of older stations (`opKnownAt`); a payment may pay one equal part of the bill
 *     (`part: {index, count}`, optional). A push of versions 1 to 12 reads the same.
 * 14 — options: the catalog snapshot carries shared option groups (`optionGroups`), the items
 *     they are attached to (`optionGroupIds`) and each category's quick notes (`noteChips`),
 *     absent from an older server: none; an `addLine` may carry the options chosen with their
 *     names and prices (`options`, optional), and a new op kind `editLine {lineId, note?,
 *     options?}` changes a line before the kitchen has it. Both are left out of the pulls of
 *     older stations (`opKnownAt`), which would count the line at the wrong price. A push of
 *     versions 1 to 13 reads the same.
 * 15 — a menu item says whether it is sold out ("hết món": `soldOut`, `soldOutAt`; absent from an
 *     older server: on sale), and a station sends the toggles made at its counter to its hub and
 *     to the cloud with a fifth call, `POST /api/sync/sold-out`. A push of versions 1 to 14 reads
 *     the same.
 * 16 — a push may name the last op of the push sent before it (`follows`, optional), and is
 *     refused with 409 `PUSH_OUT_OF_ORDER` while the server does not hold that op: a station
 *     keeps two pushes of its backlog on their way and they are still stored in the order sent.
 *     A push of versions 1 to 15 reads the same.
 */
export const PROTOCOL_VERSION = 16;

/** The oldest version the server still accepts: a version-1 push is a version-16 push. */
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
