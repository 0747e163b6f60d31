/**
 * How fast passwords and manager PINs may be guessed (docs/security.md, "Throttling"): pure, the
 * time is passed in and the records are kept by each service. Every attempt is counted as a
 * failure when it starts (`startAttempt`), before the secret is checked, so parallel guesses
 * cannot all slip through one gap; `settleAttempt` then keeps, clears or takes back that count.
 */

/** What is remembered of one throttle key's failed attempts. */
export interface AttemptRecord {
  readonly failures: number;
  /** When the last of them was counted, milliseconds since the Unix epoch. */
  readonly lastFailureAt: number;
}

/** The rule. Failures older than `forgetAfterMs` (and any wait they impose) no longer count. */
export interface ThrottlePolicy {
  /** How many failures cost no wait; from then on each makes the next attempt wait. */
  readonly freeFailures: number;
  /** The wait after `freeFailures` failures, doubled by each further one up to `maxBackOffMs`. */
  readonly firstBackOffMs: number;
  readonly maxBackOffMs: number;
  /** From this many failures on, each one locks the key for `lockMs`. */
  readonly lockAfterFailures: number;
  readonly lockMs: number;
  /** A quiet spell after which a key's failures are forgotten; longer than `lockMs`. */
  readonly forgetAfterMs: number;
}

/** 1 s, 2 s, 4 s… (at most a minute) after 5 failures; locked for 15 minutes from the 20th. */
export const THROTTLE_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstBackOffMs: 1_000,
  maxBackOffMs: 60_000,
  lockAfterFailures: 20,
  lockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/**
 * The two keys one check is counted under: who is being guessed, and where the guesses come from.
 * A success clears the subject's failures; an address's are only spared that attempt, so an
 * account of one's own does not buy more guesses at others.
 */
export interface ThrottleKeys {
  readonly subject: string;
  readonly address: string;
}

export type ThrottleKeyRole = keyof ThrottleKeys;

/** A password login: per username (as users are looked up: trimmed, any case) and per client address. */
export function loginThrottleKeys(username: string, address: string): ThrottleKeys {
  return { subject: `login:${username.trim().toLowerCase()}`, address: `login-from:${address}` };
}

/**
 * A hub pass shown at a station: per the user it claims, and per client address under the same
 * count as password logins, so passes and passwords together get one budget per address.
 */
export function hubPassThrottleKeys(claimedUserId: string, address: string): ThrottleKeys {
  return { subject: `hub-pass:${claimedUserId}`, address: loginThrottleKeys("", address).address };
}

/**
 * A manager's PIN typed on a caller's device. A PIN names no user, so it is counted per store and
 * signed-in caller, and per client address.
 */
export function managerPinThrottleKeys(storeId: string, callerUserId: string, address: string): ThrottleKeys {
  return { subject: `manager-pin:${storeId}:${callerUserId}`, address: `manager-pin-from:${address}` };
}

/** How long after its last failure a key with `failures` failures must wait. */
export function waitAfterFailures(failures: number, policy: ThrottlePolicy = THROTTLE_POLICY): number {
  if (failures >= policy.lockAfterFailures) return policy.lockMs;
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstBackOffMs * 2 ** (failures - policy.freeFailures), policy.maxBackOffMs);
}

/** The record as it still counts at `nowMs`; undefined once its failures are forgotten. */
export function liveRecord(
  record: AttemptRecord | undefined,
  nowMs: number,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): AttemptRecord | undefined {
  if (!record || record.failures <= 0) return undefined;
  const forgetAfter = Math.max(policy.forgetAfterMs, waitAfterFailures(record.failures, policy));
  return nowMs - record.lastFailureAt >= forgetAfter ? undefined : record;
}

/** Records whose last failure came at or before this moment are forgotten, whatever they hold. */
export function forgottenUpTo(nowMs: number, policy: ThrottlePolicy = THROTTLE_POLICY): number {
  return nowMs - Math.max(policy.forgetAfterMs, policy.lockMs, policy.maxBackOffMs);
}

/** Milliseconds from `nowMs` until the key may be tried again; 0 when it may be now. */
export function retryAfterMs(
  record: AttemptRecord | undefined,
  nowMs: number,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): number {
  const live = liveRecord(record, nowMs, policy);
  if (!live) return 0;
  return Math.max(0, live.lastFailureAt + waitAfterFailures(live.failures, policy) - nowMs);
}

/** Whether this record locks its key (rather than only slowing it down). */
export function isLocked(record: AttemptRecord, policy: ThrottlePolicy = THROTTLE_POLICY): boolean {
  return record.failures >= policy.lockAfterFailures;
}

/** Each key's record; a key without one has no failures that count. */
export type AttemptRecords = { readonly [role in ThrottleKeyRole]?: AttemptRecord | undefined };

export type AttemptStart =
  | { readonly allowed: false; readonly retryAfterMs: number }
  /** `reserved`: each key's record with this attempt counted as a failure, to store now. */
  | { readonly allowed: true; readonly reserved: Readonly<Record<ThrottleKeyRole, AttemptRecord>> };

/** May an attempt start at `nowMs` under keys holding `current`? If so, counts it as a failure. */
export function startAttempt(
  current: AttemptRecords,
  nowMs: number,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): AttemptStart {
  const wait = Math.max(
    retryAfterMs(current.subject, nowMs, policy),
    retryAfterMs(current.address, nowMs, policy),
  );
  if (wait > 0) return { allowed: false, retryAfterMs: wait };
  const counted = (record: AttemptRecord | undefined): AttemptRecord => ({
    failures: (liveRecord(record, nowMs, policy)?.failures ?? 0) + 1,
    lastFailureAt: nowMs,
  });
  return {
    allowed: true,
    reserved: { subject: counted(current.subject), address: counted(current.address) },
  };
}

/**
 * The record one key keeps once its attempt is settled (a failure needs no settling: it was
 * counted when the attempt started); undefined: forget the key. A success clears the subject,
 * and takes the attempt back from the address, as does an attempt never judged (the server could
 * not be asked, something failed on the way). `current` is the key's record now, `reserved` what
 * `startAttempt` stored and `previous` what it held before: taking back restores `previous`
 * unless another attempt counted since, and then takes away only this attempt's failure.
 */
export function settleAttempt(
  outcome: "succeeded" | "undecided",
  role: ThrottleKeyRole,
  records: {
    readonly current: AttemptRecord | undefined;
    readonly reserved: AttemptRecord;
    readonly previous: AttemptRecord | undefined;
  },
): AttemptRecord | undefined {
  const { current, reserved, previous } = records;
  if ((outcome === "succeeded" && role === "subject") || !current) return undefined;
  if (current.failures === reserved.failures && current.lastFailureAt === reserved.lastFailureAt) {
    return previous;
  }
  return current.failures > 1 ? { ...current, failures: current.failures - 1 } : undefined;
}
