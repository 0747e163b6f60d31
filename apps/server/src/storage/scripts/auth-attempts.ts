import type { AttemptRecord } from "@quay/auth";
import { all, get, num, run, type Script } from "../sql-script.js";

/** Rows pruned by one `pruneAttempts`. */
const PRUNE_BATCH = 100;

/**
 * The records of `keys` (undefined: none), each row locked until the transaction ends. A no-op
 * upsert is how both engines can read a row for update: on PostgreSQL it waits for any other
 * attempt at the key to commit and then sees its count, so concurrent guesses are counted one
 * after the other. Keys are locked in sorted order, so two attempts never wait on each other. A
 * key without a row gets one with no failures; write every key back with `storeAttempt`.
 */
export function* lockAttempts(keys: readonly string[]): Script<Map<string, AttemptRecord | undefined>> {
  const records = new Map<string, AttemptRecord | undefined>();
  for (const key of [...new Set(keys)].sort()) {
    const row = yield* get(
      `INSERT INTO auth_attempts (throttle_key, tenant_id, failures, last_failure_at) VALUES (?, NULL, 0, 0)
       ON CONFLICT (throttle_key) DO UPDATE SET failures = auth_attempts.failures
       RETURNING failures, last_failure_at`,
      [key],
    );
    const failures = row ? num(row, "failures") : 0;
    records.set(
      key,
      row && failures > 0 ? { failures, lastFailureAt: num(row, "last_failure_at") } : undefined,
    );
  }
  return records;
}

/** Stores a locked key's record; undefined forgets the key. `tenantId` is kept once known. */
export function* storeAttempt(
  key: string,
  tenantId: string | null,
  record: AttemptRecord | undefined,
): Script<void> {
  if (!record) {
    yield* run("DELETE FROM auth_attempts WHERE throttle_key = ?", [key]);
    return;
  }
  yield* run(
    `UPDATE auth_attempts SET failures = ?, last_failure_at = ?, tenant_id = COALESCE(?, tenant_id)
     WHERE throttle_key = ?`,
    [record.failures, record.lastFailureAt, tenantId, key],
  );
}

/**
 * Deletes some rows whose failures are forgotten (the last one at or before `upTo`). Run it in a
 * transaction of its own: it locks rows one by one in key order, as attempts do.
 */
export function* pruneAttempts(upTo: number): Script<number> {
  const stale = yield* all<{ throttle_key: string }>(
    "SELECT throttle_key FROM auth_attempts WHERE last_failure_at <= ? ORDER BY throttle_key LIMIT ?",
    [upTo, PRUNE_BATCH],
  );
  let pruned = 0;
  for (const { throttle_key: key } of stale) {
    pruned += yield* run("DELETE FROM auth_attempts WHERE throttle_key = ? AND last_failure_at <= ?", [
      key,
      upTo,
    ]);
  }
  return pruned;
}
