import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hashSecret, signToken, verifySecret, verifyToken } from "./index.js";

describe("secret hashing", () => {
  it("verifies the right secret only", async () => {
    const stored = await hashSecret("1234");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifySecret("1234", stored)).toBe(true);
    expect(await verifySecret("12345", stored)).toBe(false);
    expect(await verifySecret("1234", "scrypt$broken")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashSecret("admin123")).not.toBe(await hashSecret("admin123"));
  });

  it("leaves the thread pool room for file reads while a burst of logins hashes", async () => {
    const stored = await hashSecret("1234");
    let hashed = 0;
    const burst = Array.from({ length: 24 }, () => verifySecret("1234", stored).then(() => (hashed += 1)));
    // A file read takes thread-pool turns too: it must not queue behind the whole burst.
    await readFile(fileURLToPath(import.meta.url));
    const hashedBeforeTheRead = hashed;
    await Promise.all(burst);
    expect(hashed).toBe(24);
    expect(hashedBeforeTheRead).toBeLessThan(8);
  });
});

describe("session tokens", () => {
  const secret = Buffer.alloc(32, 7);
  const claims = { sub: "u1", sid: "s1", exp: 2_000_000_000, typ: "user" } as const;

  it("round-trips valid claims", () => {
    expect(verifyToken(signToken(claims, secret), secret, 1_000)).toEqual(claims);
  });

  it("rejects tampered, foreign and expired tokens", () => {
    const token = signToken(claims, secret);
    const [payload, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...claims, sub: "u2" })).toString("base64url")}.${signature}`;
    expect(verifyToken(forged, secret, 1_000)).toBeNull();
    expect(verifyToken(token, Buffer.alloc(32, 8), 1_000)).toBeNull();
    expect(verifyToken(token, secret, claims.exp * 1000)).toBeNull();
    expect(verifyToken(`${payload}`, secret, 1_000)).toBeNull();
    expect(verifyToken("garbage", secret, 1_000)).toBeNull();
  });
});
