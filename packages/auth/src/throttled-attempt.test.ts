import { describe, expect, it } from "vitest";
import { type AttemptRecord, loginThrottleKeys, type ThrottleKeys } from "./attempt-throttle.js";
import { type AttemptStore, throttledAttempt } from "./throttled-attempt.js";

/** Records in a map; each update runs whole before the next, as a transaction would. */
function memoryStore() {
  const records = new Map<string, AttemptRecord>();
  const store: AttemptStore = {
    async update(keys, change) {
      const { records: next, result } = change({
        subject: records.get(keys.subject),
        address: records.get(keys.address),
      });
      for (const role of ["subject", "address"] as const) {
        if (next[role]) records.set(keys[role], next[role]);
        else records.delete(keys[role]);
      }
      return result;
    },
  };
  return { store, records };
}

const T0 = 1_800_000_000_000;
const cashier = loginThrottleKeys("thungan", "10.0.0.7");
const wrong = async () => null;
const right = async () => "user";

describe("a throttled attempt", () => {
  it("counts a wrong secret under both keys, and a right one clears the subject only", async () => {
    const { store, records } = memoryStore();
    for (let attempt = 0; attempt < 3; attempt++) await throttledAttempt(store, cashier, T0, wrong);
    expect(records.get(cashier.subject)).toEqual({ failures: 3, lastFailureAt: T0 });
    const answer = await throttledAttempt(store, cashier, T0 + 5, right);
    expect(answer).toMatchObject({ refused: false, value: "user", locked: [] });
    expect(records.has(cashier.subject)).toBe(false);
    expect(records.get(cashier.address)).toEqual({ failures: 3, lastFailureAt: T0 });
  });

  it("refuses without checking while a key waits, and lets parallel guesses through one at a time", async () => {
    const { store } = memoryStore();
    for (let attempt = 0; attempt < 4; attempt++) await throttledAttempt(store, cashier, T0, wrong);
    let checks = 0;
    const guess = async () => {
      checks++;
      return null;
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => throttledAttempt(store, cashier, T0 + 10, guess)),
    );
    expect(checks).toBe(1);
    expect(answers.filter((answer) => answer.refused)).toHaveLength(9);
    expect(answers.find((answer) => answer.refused)).toEqual({ refused: true, retryAfterMs: 1_000 });
  });

  it("names the keys a failure locked", async () => {
    const { store } = memoryStore();
    const other: ThrottleKeys = loginThrottleKeys("admin", "10.0.0.7");
    let now = T0;
    let last = await throttledAttempt(store, cashier, now, wrong);
    for (let attempt = 1; attempt < 20; attempt++) {
      now += 60_000;
      last = await throttledAttempt(store, attempt % 2 ? other : cashier, now, wrong);
    }
    // The address met its 20th failure; neither username did.
    expect(last).toMatchObject({
      refused: false,
      value: null,
      locked: ["address"],
      lockedUntil: now + 900_000,
    });
    expect(await throttledAttempt(store, loginThrottleKeys("ghost", "10.0.0.7"), now + 1, right)).toEqual({
      refused: true,
      retryAfterMs: 900_000 - 1,
    });
  });

  it("takes an attempt back when the check throws", async () => {
    const { store, records } = memoryStore();
    await throttledAttempt(store, cashier, T0, wrong);
    const unreachable = async () => {
      throw new Error("server unreachable");
    };
    await expect(throttledAttempt(store, cashier, T0 + 1, unreachable)).rejects.toThrow("server unreachable");
    expect(records.get(cashier.subject)).toEqual({ failures: 1, lastFailureAt: T0 });
    expect(records.get(cashier.address)).toEqual({ failures: 1, lastFailureAt: T0 });
  });
});
