import { all, get, lockStores, nextSeqs, publish, run, runIn, type Script } from "../sql-script.js";

/**
 * Takes a fresh server sequence number for a change to these stores' catalog or users, marks
 * it on the stores (pull compares it with a station's cursor) and announces it after commit.
 */
export function* recordStoreChange(
  storeIds: readonly string[],
  what: { catalog: boolean; users: boolean },
): Script<number> {
  if (storeIds.length === 0) return 0;
  yield* lockStores(storeIds);
  const [seq = 0] = yield* nextSeqs(1);
  yield* runIn(
    `UPDATE stores SET head_seq = ?,
       catalog_seq = CASE WHEN ? = 1 THEN ? ELSE catalog_seq END,
       users_seq = CASE WHEN ? = 1 THEN ? ELSE users_seq END
     WHERE id IN (?*)`,
    storeIds,
    [seq, what.catalog ? 1 : 0, seq, what.users ? 1 : 0, seq],
  );
  const rows = yield* all<{ id: string; tenant_id: string }>(
    `SELECT id, tenant_id FROM stores WHERE id IN (${storeIds.map(() => "?").join(", ")})`,
    storeIds,
  );
  for (const row of rows) {
    yield* publish({
      tenantId: row.tenant_id,
      storeId: row.id,
      cursor: seq,
      orderIds: [],
      ...what,
    });
  }
  return seq;
}

/** Moves a store's head to `seq` after new ops were stored. */
export function* advanceStoreHead(storeId: string, seq: number): Script<void> {
  yield* run("UPDATE stores SET head_seq = ? WHERE id = ? AND head_seq < ?", [seq, storeId, seq]);
}

/** The store's head: the sequence number of its latest change. */
export function* storeHead(storeId: string): Script<number> {
  const row = yield* get<{ head_seq: number }>("SELECT head_seq FROM stores WHERE id = ?", [storeId]);
  return row?.head_seq ?? 0;
}
