import { describe, expect, it } from "vitest";
import {
  type AttemptRecord,
  forgottenUpTo,
  liveRecord,
  loginThrottleKeys,
  managerPinThrottleKeys,
  retryAfterMs,
  settleAttempt,
  startAttempt,
  THROTTLE_POLICY,
  waitAfterFailures,
} from "./attempt-throttle.js";

const T0 = 1_800_000_000_000;
const MINUTE = 60_000;

/** Starts and fails `count` attempts under one subject, each as soon as it is allowed. */
function failRepeatedly(count: number, from = T0) {
  let record: AttemptRecord | undefined;
  let now = from;
  for (let attempt = 0; attempt < count; attempt++) {
    now += retryAfterMs(record, now);
    const start = startAttempt({ subject: record }, now);
    if (!start.allowed) throw new Error("refused although its wait was over");
    record = start.reserved.subject;
  }
  return { record, now };
}

describe("the throttle policy", () => {
  it("waits 1 s, 2 s, 4 s… after 5 failures, a minute at most, and locks for 15 minutes from the 20th", () => {
    const waits = Array.from({ length: 22 }, (_, failures) => waitAfterFailures(failures) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60, 900, 900]);
  });

  it("lets attempts through until the wait after the last failure is over", () => {
    const { record, now } = failRepeatedly(5);
    expect(record).toEqual({ failures: 5, lastFailureAt: now });
    expect(startAttempt({ subject: record }, now + 999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(startAttempt({ subject: record }, now + 1_000).allowed).toBe(true);
  });

  it("takes 20 failures about ten minutes, then keeps locking for 15 minutes after each", () => {
    const { record, now } = failRepeatedly(20);
    expect(now - T0).toBe((1 + 2 + 4 + 8 + 16 + 32 + 9 * 60) * 1000);
    expect(retryAfterMs(record, now)).toBe(15 * MINUTE);
    const again = startAttempt({ subject: record }, now + 15 * MINUTE);
    expect(again.allowed && again.reserved.subject.failures).toBe(21);
    if (again.allowed) expect(retryAfterMs(again.reserved.subject, now + 15 * MINUTE)).toBe(15 * MINUTE);
  });

  it("forgets failures after an hour without one, never before a lock is over", () => {
    const { record, now } = failRepeatedly(8);
    expect(liveRecord(record, now + 60 * MINUTE - 1)).toBe(record);
    expect(liveRecord(record, now + 60 * MINUTE)).toBeUndefined();
    const start = startAttempt({ subject: record }, now + 60 * MINUTE);
    expect(start.allowed && start.reserved.subject.failures).toBe(1);
    const longLock = { ...THROTTLE_POLICY, lockMs: 2 * 60 * MINUTE };
    const locked = { failures: 20, lastFailureAt: T0 };
    expect(retryAfterMs(locked, T0 + 90 * MINUTE, longLock)).toBe(30 * MINUTE);
    expect(forgottenUpTo(T0)).toBe(T0 - 60 * MINUTE);
    expect(forgottenUpTo(T0, longLock)).toBe(T0 - 120 * MINUTE);
  });

  it("waits for the longer of the subject's and the address's waits", () => {
    const subject = { failures: 6, lastFailureAt: T0 };
    const address = { failures: 20, lastFailureAt: T0 - MINUTE };
    expect(startAttempt({ subject, address }, T0)).toEqual({ allowed: false, retryAfterMs: 14 * MINUTE });
    expect(startAttempt({ subject }, T0 + 2_000)).toMatchObject({
      allowed: true,
      reserved: { subject: { failures: 7 }, address: { failures: 1 } },
    });
  });

  describe("settling an attempt", () => {
    const previous = { failures: 3, lastFailureAt: T0 - MINUTE };
    const reserved = { failures: 4, lastFailureAt: T0 };

    it("clears the subject on a success, and takes the address's count back", () => {
      expect(
        settleAttempt("succeeded", "subject", { current: reserved, reserved, previous }),
      ).toBeUndefined();
      expect(settleAttempt("succeeded", "address", { current: reserved, reserved, previous })).toBe(previous);
    });

    it("takes back an undecided attempt, only its own count when others came since", () => {
      expect(settleAttempt("undecided", "subject", { current: reserved, reserved, previous })).toBe(previous);
      const later = { failures: 5, lastFailureAt: T0 + 10 };
      expect(settleAttempt("undecided", "subject", { current: later, reserved, previous })).toEqual({
        failures: 4,
        lastFailureAt: T0 + 10,
      });
      const first = { failures: 1, lastFailureAt: T0 };
      expect(
        settleAttempt("undecided", "address", { current: first, reserved: first, previous: undefined }),
      ).toBeUndefined();
      expect(
        settleAttempt("succeeded", "address", { current: undefined, reserved, previous }),
      ).toBeUndefined();
    });
  });

  it("keys a login by its username whatever its case, and a PIN by store and caller", () => {
    expect(loginThrottleKeys("  ThuNgan ", "10.0.0.7")).toEqual({
      subject: "login:thungan",
      address: "login-from:10.0.0.7",
    });
    expect(managerPinThrottleKeys("store-1", "user-9", "10.0.0.7")).toEqual({
      subject: "manager-pin:store-1:user-9",
      address: "manager-pin-from:10.0.0.7",
    });
  });
});
