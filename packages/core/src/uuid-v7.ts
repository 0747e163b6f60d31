import type { Clock } from "./clock.js";

/** Produces unique ids; the core is handed one instead of calling `crypto` itself. */
export type IdGenerator = () => string;

/** Fills and returns `length` random bytes (e.g. `crypto.getRandomValues`). */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Ids from one generator sort
 * in creation order even within one millisecond or when the clock steps back: the 12-bit
 * `rand_a` field is used as a counter on the last timestamp issued.
 */
export function uuidV7Generator(clock: Clock, randomBytes: RandomBytes): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const bytes = randomBytes(16);
    let ms = clock.now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        ms += 1;
        counter = 0;
      }
    } else {
      counter = (((bytes[6] ?? 0) & 0x07) << 8) | (bytes[7] ?? 0); // leave room to count up
    }
    lastMs = ms;
    const hex = ms.toString(16).padStart(12, "0");
    for (let i = 0; i < 6; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const h = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
}
