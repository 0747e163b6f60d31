import { describe, expect, it } from "vitest";
import { addDong, dong, formatVnd, maxDong, minDong, multiplyDong, subtractDong, sumDong } from "./money.js";

describe("dong", () => {
  it("brands whole đồng, zero and negatives included", () => {
    expect(dong(58_000)).toBe(58_000);
    expect(dong(0)).toBe(0);
    expect(dong(-1_000)).toBe(-1_000);
    expect(dong(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("rejects fractions, NaN, infinities and unsafe integers", () => {
    for (const bad of [0.5, 1_000.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => dong(bad)).toThrow(RangeError);
    }
    expect(() => dong(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => dong(Number.MIN_SAFE_INTEGER - 1)).toThrow(RangeError);
  });
});

describe("arithmetic", () => {
  const big = dong(Number.MAX_SAFE_INTEGER);

  it("adds, subtracts, multiplies and sums whole đồng", () => {
    expect(addDong(dong(29_000), dong(29_000))).toBe(58_000);
    expect(subtractDong(dong(50_000), dong(58_000))).toBe(-8_000);
    expect(multiplyDong(dong(29_000), 3)).toBe(87_000);
    expect(sumDong([dong(1), dong(2), dong(3)])).toBe(6);
    expect(sumDong([])).toBe(0);
    expect(minDong(dong(1), dong(2))).toBe(1);
    expect(maxDong(dong(1), dong(2))).toBe(2);
  });

  it("throws rather than lose precision past the safe-integer range", () => {
    expect(() => addDong(big, dong(1))).toThrow(RangeError);
    expect(() => subtractDong(dong(-big), dong(1))).toThrow(RangeError);
    expect(() => multiplyDong(big, 2)).toThrow(RangeError);
    expect(() => sumDong([big, dong(1)])).toThrow(RangeError);
  });

  it("multiplies only by whole quantities", () => {
    expect(() => multiplyDong(dong(29_000), 1.5)).toThrow(RangeError);
    expect(() => multiplyDong(dong(29_000), Number.NaN)).toThrow(RangeError);
  });
});

describe("formatVnd", () => {
  it("formats the Vietnamese way, with a no-break space before ₫", () => {
    expect(formatVnd(dong(58_000))).toBe("58.000\u00a0₫");
    expect(formatVnd(dong(1_250_000))).toBe("1.250.000\u00a0₫");
    expect(formatVnd(dong(0))).toBe("0\u00a0₫");
  });
});
