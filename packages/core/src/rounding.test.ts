import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateProportionally, assertSafeInteger, divideRounded } from "./rounding.js";

describe("assertSafeInteger", () => {
  it("returns safe integers and names what was wrong otherwise", () => {
    expect(assertSafeInteger(42)).toBe(42);
    expect(() => assertSafeInteger(0.1, "price")).toThrow(/price must be a safe integer/);
    expect(() => assertSafeInteger(2 ** 53)).toThrow(RangeError);
  });
});

describe("divideRounded", () => {
  it("rounds half away from zero", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(7, 2)).toBe(4);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(5, 3)).toBe(2);
    expect(divideRounded(6, 3)).toBe(2);
  });

  it("rounds negatives symmetrically, away from zero", () => {
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(-7, 2)).toBe(-4);
    expect(divideRounded(-4, 3)).toBe(-1);
    expect(divideRounded(-5, 3)).toBe(-2);
  });

  it("never returns −0", () => {
    expect(divideRounded(0, 7)).toBe(0);
    expect(divideRounded(-1, 3)).toBe(0); // toBe uses Object.is: −0 would fail here
  });

  it("rejects non-integers and non-positive denominators", () => {
    expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(1, -2)).toThrow(RangeError);
    expect(() => divideRounded(Number.NaN, 2)).toThrow(RangeError);
  });

  it("agrees with exact integer arithmetic across the safe range", () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, fc.integer({ min: 1, max: 1_000_000_000 }), (numerator, denominator) => {
        const n = BigInt(numerator);
        const d = BigInt(denominator);
        const magnitude = n < 0n ? -n : n;
        const rounded = (2n * magnitude + d) / (2n * d); // floor(|n|/d + 1/2)
        expect(divideRounded(numerator, denominator)).toBe(Number(n < 0n ? -rounded : rounded));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("allocateProportionally", () => {
  it("spreads by largest remainder, ties to the earlier weight", () => {
    expect(allocateProportionally(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateProportionally(100, [50, 30, 20])).toEqual([50, 30, 20]);
    expect(allocateProportionally(7, [2, 0, 1])).toEqual([5, 0, 2]);
    expect(allocateProportionally(0, [3, 4])).toEqual([0, 0]);
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
    expect(allocateProportionally(5, [])).toEqual([]);
  });

  it("is exact where total × weight passes 2^53", () => {
    // 72883169 × 14182603 > 2^53; the exact shares are 7091301.5 and 65791867.5: a tie.
    expect(allocateProportionally(72_883_169, [14_182_603, 131_583_735])).toEqual([7_091_302, 65_791_867]);
  });

  it("rejects negative or fractional weights", () => {
    expect(() => allocateProportionally(10, [1, -1])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [0.5, 1])).toThrow(RangeError);
  });

  it("always adds up to the total, each part within one đồng of its exact share", () => {
    const weights = fc
      .array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 6 })
      .filter((ws) => ws.some((w) => w > 0));
    const total = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const parts = allocateProportionally(amount, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
        const weightSum = ws.reduce((sum, w) => sum + BigInt(w), 0n);
        parts.forEach((part, index) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          // part·Σw lies in [total·w, total·w + Σw): part is the floor or the ceiling of the share.
          const scaled = BigInt(part) * weightSum;
          const exact = BigInt(amount) * BigInt(ws[index] ?? 0);
          expect(scaled > exact - weightSum && scaled < exact + weightSum).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
