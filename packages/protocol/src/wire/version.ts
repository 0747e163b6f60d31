/**
 * The version of the station ↔ server protocol. Bump it whenever a schema in this package
 * changes; `protocol-version.test.ts` fails until you do (and record the new fingerprint).
 *
 * History:
 * 1 — first version: ops, push/pull with a cursor, register, catalog snapshot, credentials.
 */
export const PROTOCOL_VERSION = 1;
