import { createHmac, timingSafeEqual } from "node:crypto";

/** What a signed token carries. `sid` names a session row so a token can be revoked. */
export interface TokenClaims {
  /** Subject: a user id, or a station id for device tokens. */
  sub: string;
  /** Session id, checked against the issuer's session store (revocation). */
  sid: string;
  /** Expiry, Unix seconds. */
  exp: number;
  /** What kind of principal: a person's session or a station's device credential. */
  typ: "user" | "device";
}

const encode = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** `payload.signature`, both base64url; HMAC-SHA256 with the issuer's secret. */
export function signToken(claims: TokenClaims, secret: Buffer): string {
  const payload = encode(JSON.stringify(claims));
  const signature = encode(createHmac("sha256", secret).update(payload).digest());
  return `${payload}.${signature}`;
}

/** The claims of a well-signed, unexpired token; `null` for anything else. */
export function verifyToken(token: string, secret: Buffer, nowMs: number): TokenClaims | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = createHmac("sha256", secret).update(payload).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.exp * 1000 <= nowMs) return null;
  return claims;
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== "object" || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sub === "string" &&
    typeof claims.sid === "string" &&
    typeof claims.exp === "number" &&
    (claims.typ === "user" || claims.typ === "device")
  );
}
