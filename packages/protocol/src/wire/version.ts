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
 * 6 — an op kind `refund` (money given back on a paid order, by a manager or with a manager's
 *     PIN); a pull says its `protocolVersion`, and the receiver leaves out the op kinds an older
 *     puller cannot read (`OP_KIND_SINCE`; a pull that says none is a version-5 pull). A push
 *     of versions 1 to 5 reads the same.
 */
export const PROTOCOL_VERSION = 6;

/** The oldest version the server still accepts: a version-1 push is a version-6 push. */
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
