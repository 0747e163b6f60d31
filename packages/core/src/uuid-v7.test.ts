import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.js";
import { uuidV7Generator } from "./uuid-v7.js";

const T0 = Date.UTC(2026, 10, 28, 1, 30, 0);
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A deterministic random source: 0, 1, 2, … (mod 256), or one constant byte. */
const countingBytes = () => {
  let next = 0;
  return (length: number) => Uint8Array.from({ length }, () => next++ & 0xff);
};
const constantBytes = (value: number) => (length: number) => new Uint8Array(length).fill(value);

const timestampOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
const expectStrictlyIncreasing = (ids: readonly string[]) => {
  for (let i = 1; i < ids.length; i++)
    expect((ids[i - 1] ?? "") < (ids[i] ?? ""), `ids ${i - 1} < ${i}`).toBe(true);
};

describe("uuidV7Generator", () => {
  it("sets the version (7) and the RFC 9562 variant (10xx), whatever the random bytes", () => {
    for (const random of [constantBytes(0x00), constantBytes(0xff), countingBytes()]) {
      const id = uuidV7Generator(fixedClock(T0), random)();
      expect(id).toMatch(UUID_V7);
    }
    const allOnes = uuidV7Generator(fixedClock(T0), constantBytes(0xff))();
    expect(allOnes.slice(19, 23)).toBe("bfff"); // variant bits 10, then random ones
    expect(allOnes.slice(24)).toBe("ffffffffffff");
  });

  it("embeds the clock's milliseconds in the first 48 bits", () => {
    const clock = fixedClock(T0);
    const newId = uuidV7Generator(clock, countingBytes());
    expect(timestampOf(newId())).toBe(T0);
    clock.advance(1_234);
    expect(timestampOf(newId())).toBe(T0 + 1_234);
    expect(timestampOf(uuidV7Generator(fixedClock(0), countingBytes())())).toBe(0);
    expect(uuidV7Generator(fixedClock(0x0123_4567_89ab), countingBytes())().slice(0, 13)).toBe(
      "01234567-89ab",
    );
  });

  it("keeps ids strictly increasing within one millisecond, past the 12-bit counter", () => {
    const newId = uuidV7Generator(fixedClock(T0), constantBytes(0xff)); // the counter starts at its highest, 0x7ff
    const ids = Array.from({ length: 7_000 }, () => newId());
    expectStrictlyIncreasing(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(timestampOf(ids[0] ?? "")).toBe(T0);
    // Counting up from 0x7ff passes 0xfff after 2049 ids, then every 4096: rather than wrap, the
    // timestamp borrows a millisecond from the future.
    expect(timestampOf(ids[2_048] ?? "")).toBe(T0);
    expect(timestampOf(ids[2_049] ?? "")).toBe(T0 + 1);
    expect(timestampOf(ids.at(-1) ?? "")).toBe(T0 + 2);
  });

  it("keeps ids strictly increasing when the clock steps back", () => {
    const clock = fixedClock(T0);
    const newId = uuidV7Generator(clock, countingBytes());
    const ids = [newId(), newId()];
    clock.set(T0 - 60_000); // NTP correction: a minute back
    ids.push(newId(), newId());
    expect(ids.slice(2).map(timestampOf)).toEqual([T0, T0]);
    clock.set(T0 + 1);
    ids.push(newId());
    expect(timestampOf(ids.at(-1) ?? "")).toBe(T0 + 1);
    expectStrictlyIncreasing(ids);
  });

  it("is deterministic for a given clock and random source", () => {
    const run = () => {
      const clock = fixedClock(T0);
      const newId = uuidV7Generator(clock, countingBytes());
      const ids = [newId(), newId()];
      clock.advance(5);
      return [...ids, newId()];
    };
    expect(run()).toEqual(run());
  });
});
