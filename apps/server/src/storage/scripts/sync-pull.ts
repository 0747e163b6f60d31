import type { Op } from "@quay/core";
import type { BankTransfer, CatalogSnapshot, CredentialEntry } from "@quay/protocol";
import { all, get, type Script } from "../sql-script.js";
import { matchedTransfers } from "./bank-notifications.js";
import { catalogSnapshot } from "./catalog.js";
import { OP_ROW_COLUMNS, type OpRow, opOfRow } from "./order-log.js";
import { storeCredentials } from "./users.js";

export interface PullInput {
  readonly storeId: string;
  readonly stationId: string;
  readonly cursor: number;
  readonly limit: number;
}

export interface PullResult {
  readonly cursor: number;
  readonly more: boolean;
  readonly ops: Op[];
  readonly catalog: CatalogSnapshot | null;
  readonly users: CredentialEntry[] | null;
  /** Transfers the bank confirmed after the cursor, up to the one answered. */
  readonly bankTransfers: BankTransfer[];
}

/**
 * What changed in a store after `cursor`: ops the station did not push itself, in server order
 * (a station's own ops relayed by its shop's hub come back, and are ignored; an op pushed in
 * another station's name reaches that station, so the two never disagree), and the whole
 * catalog or credential cache when they changed. Runs in one snapshot, so the store's head and
 * the ops agree. A cursor beyond the head (the server's database was replaced) starts over at 0;
 * the station ignores ops it holds.
 */
export function* pullChanges(input: PullInput): Script<PullResult> {
  const store = yield* get<{ head_seq: number; catalog_seq: number; users_seq: number }>(
    "SELECT head_seq, catalog_seq, users_seq FROM stores WHERE id = ?",
    [input.storeId],
  );
  if (!store) return { cursor: 0, more: false, ops: [], catalog: null, users: null, bankTransfers: [] };
  const after = input.cursor > store.head_seq ? 0 : input.cursor;
  const rows = yield* all<OpRow & { seq: number }>(
    `SELECT seq, ${OP_ROW_COLUMNS} FROM ops WHERE store_id = ? AND seq > ? AND COALESCE(pushed_by, device_id) <> ?
     ORDER BY seq LIMIT ?`,
    [input.storeId, after, input.stationId, input.limit + 1],
  );
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const cursor = more ? (page.at(-1)?.seq ?? after) : store.head_seq;
  return {
    cursor,
    more,
    ops: page.map(opOfRow),
    catalog: store.catalog_seq > after ? ((yield* catalogSnapshot(input.storeId)) ?? null) : null,
    users: store.users_seq > after ? yield* storeCredentials(input.storeId) : null,
    bankTransfers: yield* matchedTransfers(input.storeId, after, cursor),
  };
}
