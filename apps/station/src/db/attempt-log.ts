import type { AttemptChange, AttemptRecord, AttemptRecords, AttemptStore, ThrottleKeys } from "@quay/auth";
import type { StationDatabase } from "./open-database.js";

/** Failed logins and manager PINs per throttle key, in the station's file: the throttle's store. */
export class AttemptLog implements AttemptStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly remove;
  private readonly prune;

  constructor(private readonly db: StationDatabase) {
    this.selectOne = db.prepare<[string], { failures: number; last_failure_at: number }>(
      "SELECT failures, last_failure_at FROM auth_attempts WHERE throttle_key = ?",
    );
    this.upsert = db.prepare<[string, number, number]>(
      `INSERT INTO auth_attempts(throttle_key, failures, last_failure_at) VALUES (?, ?, ?)
       ON CONFLICT(throttle_key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
    );
    this.remove = db.prepare<[string]>("DELETE FROM auth_attempts WHERE throttle_key = ?");
    this.prune = db.prepare<[number]>("DELETE FROM auth_attempts WHERE last_failure_at <= ?");
  }

  /** One synchronous transaction: nothing else runs between the read and the write. */
  async update<T>(keys: ThrottleKeys, change: (current: AttemptRecords) => AttemptChange<T>): Promise<T> {
    return this.db.transaction(() => {
      const { records, result } = change({
        subject: this.get(keys.subject),
        address: this.get(keys.address),
      });
      this.put(keys.subject, records.subject);
      this.put(keys.address, records.address);
      return result;
    })();
  }

  /** Forgets the keys whose last failure came at or before `upTo` (`forgottenUpTo`). */
  pruneUpTo(upTo: number): void {
    this.prune.run(upTo);
  }

  private get(key: string): AttemptRecord | undefined {
    const row = this.selectOne.get(key);
    return row && { failures: row.failures, lastFailureAt: row.last_failure_at };
  }

  private put(key: string, record: AttemptRecord | undefined): void {
    if (record) this.upsert.run(key, record.failures, record.lastFailureAt);
    else this.remove.run(key);
  }
}
