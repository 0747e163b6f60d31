import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LENGTH = 32;
const DEFAULTS = { N: 16_384, r: 8, p: 1 } as const;

/**
 * Hashes run on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which
 * also reads files (the web apps' assets) and resolves host names (the server's). At most half of
 * it hashes at once, the rest of a burst of logins waiting here in turn: a morning's 100 logins
 * kept an 80 KB asset waiting 7 s behind them, and a DNS lookup would have waited as long.
 */
const HASHES_AT_ONCE = Math.max(1, Math.floor((Number(process.env.UV_THREADPOOL_SIZE) || 4) / 2));
let hashing = 0;
const waitingToHash: (() => void)[] = [];

async function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (hashing >= HASHES_AT_ONCE) await new Promise<void>((resolve) => waitingToHash.push(resolve));
  else hashing += 1;
  try {
    return await new Promise((resolve, reject) => {
      scrypt(secret, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waitingToHash.shift();
    if (next) next();
    else hashing -= 1;
  }
}

/** Hashes a password or PIN as `scrypt$N$r$p$saltBase64$hashBase64` (the format stations cache). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, DEFAULTS);
  return ["scrypt", DEFAULTS.N, DEFAULTS.r, DEFAULTS.p, salt.toString("base64"), key.toString("base64")].join(
    "$",
  );
}

/** True when `secret` matches `stored`; false for a wrong secret or a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scryptAsync(secret, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
