import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";

/**
 * What a hub pass says: this user of this store may open a session at the store's hub until
 * `exp`. The cloud signs it with its private Ed25519 key while the phone is online; a hub checks
 * it with the public key alone, so a station (even a stolen one) can check passes but never make one.
 */
export interface HubPassClaims {
  readonly typ: "hub-pass";
  /** The user's id. */
  readonly sub: string;
  /** The store whose hubs take it. */
  readonly store: string;
  /** Issued and expiry, Unix seconds. */
  readonly iat: number;
  readonly exp: number;
}

/** Why a hub refused a pass. */
export const HUB_PASS_REFUSALS = ["malformed", "signature", "expired", "other-store"] as const;
export type HubPassRefusal = (typeof HUB_PASS_REFUSALS)[number];

export type HubPassCheck =
  | { readonly ok: true; readonly claims: HubPassClaims }
  | { readonly ok: false; readonly reason: HubPassRefusal };

/** The server's signing key, as kept in its storage: a PKCS#8 PEM text, made once. */
export function newHubPassKey(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** The private key of a stored PEM text (throws on anything else). */
export function hubPassSigningKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** The public half stations are given: base64 of its SPKI DER encoding. */
export function hubPassPublicKey(signingKey: KeyObject): string {
  return createPublicKey(signingKey).export({ type: "spki", format: "der" }).toString("base64");
}

/** The public key of `hubPassPublicKey`'s text, for checking; null when it is not an Ed25519 key. */
export function hubPassVerifyingKey(publicKey: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/** `payload.signature`, both base64url: the payload is the claims' JSON, signed with Ed25519. */
export function signHubPass(claims: Omit<HubPassClaims, "typ">, signingKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify({ typ: "hub-pass", ...claims })).toString("base64url");
  const signature = sign(null, Buffer.from(payload), signingKey).toString("base64url");
  return `${payload}.${signature}`;
}

/** Checks a pass's signature, expiry and store, in that order. */
export function verifyHubPass(
  pass: string,
  publicKey: KeyObject,
  expected: { readonly nowMs: number; readonly storeId: string },
): HubPassCheck {
  const [payload, signature, extra] = pass.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  let signed: boolean;
  try {
    signed = verify(null, Buffer.from(payload), publicKey, Buffer.from(signature, "base64url"));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: "signature" };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: "malformed" };
  if (claims.exp * 1000 <= expected.nowMs) return { ok: false, reason: "expired" };
  if (claims.store !== expected.storeId) return { ok: false, reason: "other-store" };
  return { ok: true, claims };
}

/**
 * The user a pass claims to be for, unchecked: only what its failures are counted under, so one
 * phone's bad pass does not hold everyone's back. Null when the pass cannot be read.
 */
export function claimedHubPassUser(pass: string): string | null {
  const [payload] = pass.split(".");
  return payload ? (parseClaims(payload)?.sub ?? null) : null;
}

function parseClaims(payload: string): HubPassClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const claims = value as Record<string, unknown>;
  const ok =
    claims.typ === "hub-pass" &&
    typeof claims.sub === "string" &&
    typeof claims.store === "string" &&
    typeof claims.iat === "number" &&
    typeof claims.exp === "number";
  return ok ? (claims as unknown as HubPassClaims) : null;
}
