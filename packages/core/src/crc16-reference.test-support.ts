/**
 * Test support, not shipped code: CRC-16/CCITT-FALSE written a second, independent way, as the
 * shift register of the spec (poly x^16 + x^12 + x^5 + 1, register preset to 0xFFFF, message bits
 * fed in most significant first, no reflection, no final xor), to check `crc16CcittFalse` against.
 */
export function crc16Bitwise(bytes: Uint8Array): number {
  let register = 0xffff;
  for (const byte of bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const feedback = ((register >> 15) ^ (byte >> bit)) & 1;
      register = (register << 1) & 0xffff;
      if (feedback) register ^= 0x1021;
    }
  }
  return register;
}
