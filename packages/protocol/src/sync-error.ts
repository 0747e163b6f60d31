/**
 * The codes a station puts in its status's `sync.error` (`StationStatus`) when a sync stops, so
 * the cashier's screen can say what happened in words. Besides these, `sync.error` may carry a
 * refusal code the server answered with (e.g. `VALIDATION_FAILED`), forwarded as it came:
 * clients show a general message for a code not listed here.
 */
export const SYNC_ERROR_CODES = [
  /** The server was lost in the middle of a sync. */
  "SERVER_UNREACHABLE",
  /** The server refused the station's device token (401): log in online again. */
  "DEVICE_REJECTED",
  /** The sync stopped on the station's side (a bug or a broken answer); it retries. */
  "SYNC_FAILED",
  /** The server answered a push but held none of its ops; it retries. */
  "SYNC_NOTHING_HELD",
  /** The server refused with a body that is not JSON (a proxy's error page, say). */
  "UNREADABLE",
  /** The server refused without saying why. */
  "UNKNOWN",
  /** The server refused one order for good: it waits for a manager, the rest goes on. */
  "ORDER_REFUSED",
  /** The server no longer speaks this station's protocol version: update the station. */
  "PROTOCOL_STATION_TOO_OLD",
  /** The server does not speak this station's protocol version yet: update the server. */
  "PROTOCOL_SERVER_TOO_OLD",
] as const;

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
