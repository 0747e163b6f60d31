import {
  type AttemptRecord,
  type AttemptRecords,
  isLocked,
  settleAttempt,
  startAttempt,
  THROTTLE_POLICY,
  type ThrottleKeyRole,
  type ThrottleKeys,
  type ThrottlePolicy,
} from "./attempt-throttle.js";

const ROLES: readonly ThrottleKeyRole[] = ["subject", "address"];

/** Where a service keeps the records (its database); the throttle's one way to reach them. */
export interface AttemptStore {
  /**
   * Reads the records of `keys` and stores what `change` answers for each (a record left out is
   * forgotten), in one transaction that other updates of the same keys do not interleave with.
   */
  update<T>(keys: ThrottleKeys, change: (current: AttemptRecords) => AttemptChange<T>): Promise<T>;
}

export interface AttemptChange<T> {
  readonly records: AttemptRecords;
  readonly result: T;
}

export type ThrottledAttempt<T> =
  /** Refused without checking the secret: try again in `retryAfterMs`. */
  | { readonly refused: true; readonly retryAfterMs: number }
  /**
   * Checked: `value` is null when the secret was wrong, and then `locked` names the keys this
   * failure locked, until `lockedUntil`.
   */
  | {
      readonly refused: false;
      readonly value: T | null;
      readonly locked: readonly ThrottleKeyRole[];
      readonly lockedUntil: number;
    };

/**
 * One throttled check of a secret at `nowMs`: refused while either key must wait; else counted as
 * a failure before `check` runs (so parallel guesses cannot share a gap), then cleared by a
 * success or taken back if `check` throws. `check` answers null for a wrong secret.
 */
export async function throttledAttempt<T>(
  store: AttemptStore,
  keys: ThrottleKeys,
  nowMs: number,
  check: () => Promise<T | null>,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): Promise<ThrottledAttempt<T>> {
  const started = await store.update(keys, (current) => {
    const start = startAttempt(current, nowMs, policy);
    return { records: start.allowed ? start.reserved : current, result: { start, previous: current } };
  });
  const { start, previous } = started;
  if (!start.allowed) return { refused: true, retryAfterMs: start.retryAfterMs };
  const settle = (outcome: "succeeded" | "undecided") =>
    store.update(keys, (current) => {
      const settled = (role: ThrottleKeyRole): AttemptRecord | undefined =>
        settleAttempt(outcome, role, {
          current: current[role],
          reserved: start.reserved[role],
          previous: previous[role],
        });
      return { records: { subject: settled("subject"), address: settled("address") }, result: null };
    });

  let value: T | null;
  try {
    value = await check();
  } catch (error) {
    await settle("undecided");
    throw error;
  }
  if (value !== null) await settle("succeeded");
  const locked = value === null ? ROLES.filter((role) => isLocked(start.reserved[role], policy)) : [];
  return { refused: false, value, locked, lockedUntil: nowMs + policy.lockMs };
}
