import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";

/** The prefix that tells a bank key apart in logs and in the shop's notes. */
const KEY_PREFIX = "qbk_";

/**
 * A new key for a store's bank notifications: 32 random bytes. It is shown once; the server
 * keeps only `bankKeyHash` of it. A key this long cannot be guessed, so a fast hash is enough,
 * and looking the hash up by index leaks nothing about the key through timing.
 */
export function newBankKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** The SHA-256 (hex) a key is stored and looked up by. */
export function bankKeyHash(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The key of `Authorization: Apikey <key>` (SePay's "API Key" authentication), else null. */
export function bankKeyOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^Apikey\s+(\S{1,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
