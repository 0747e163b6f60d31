import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc16CcittFalse } from "./crc16.js";
import { crc16Bitwise } from "./crc16-reference.test-support.js";

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe("crc16CcittFalse", () => {
  it("has the catalogued check value: 0x29B1 for the ASCII digits 1 to 9", () => {
    expect(crc16CcittFalse(ascii("123456789"))).toBe(0x29b1);
    expect(crc16Bitwise(ascii("123456789"))).toBe(0x29b1);
  });

  it("starts from 0xFFFF with no final xor", () => {
    expect(crc16CcittFalse(new Uint8Array())).toBe(0xffff);
  });

  it("agrees with an independent bit-at-a-time register on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc16CcittFalse(bytes)).toBe(crc16Bitwise(bytes));
      }),
      { numRuns: 1000 },
    );
  });
});
