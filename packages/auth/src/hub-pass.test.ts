import { describe, expect, it } from "vitest";
import {
  hubPassPublicKey,
  hubPassSigningKey,
  hubPassVerifyingKey,
  newHubPassKey,
  signHubPass,
  verifyHubPass,
} from "./hub-pass.js";

describe("hub passes", () => {
  const signingKey = hubPassSigningKey(newHubPassKey());
  const publicKey = hubPassVerifyingKey(hubPassPublicKey(signingKey));
  if (!publicKey) throw new Error("the public key does not read back");
  const claims = { sub: "user-1", store: "store-1", iat: 1_000, exp: 2_000 };
  const at = (nowMs: number, storeId = "store-1") => ({ nowMs, storeId });

  it("is taken by a hub of its store before it expires", () => {
    const pass = signHubPass(claims, signingKey);
    expect(verifyHubPass(pass, publicKey, at(1_999_999))).toEqual({
      ok: true,
      claims: { typ: "hub-pass", ...claims },
    });
  });

  it("is refused once expired, and at another store's hub", () => {
    const pass = signHubPass(claims, signingKey);
    expect(verifyHubPass(pass, publicKey, at(2_000_000))).toEqual({ ok: false, reason: "expired" });
    expect(verifyHubPass(pass, publicKey, at(1_500_000, "store-2"))).toEqual({
      ok: false,
      reason: "other-store",
    });
  });

  it("is refused when tampered with, or signed by another key", () => {
    const pass = signHubPass(claims, signingKey);
    const [, signature] = pass.split(".");
    const forged = Buffer.from(JSON.stringify({ typ: "hub-pass", ...claims, sub: "owner" })).toString(
      "base64url",
    );
    expect(verifyHubPass(`${forged}.${signature}`, publicKey, at(1_500_000))).toEqual({
      ok: false,
      reason: "signature",
    });
    const stranger = signHubPass(claims, hubPassSigningKey(newHubPassKey()));
    expect(verifyHubPass(stranger, publicKey, at(1_500_000)).ok).toBe(false);
    for (const junk of ["", "abc", "a.b.c", `${pass}x`, "..."])
      expect(verifyHubPass(junk, publicKey, at(1_500_000)).ok).toBe(false);
  });

  it("reads only an Ed25519 public key", () => {
    expect(hubPassVerifyingKey("not a key")).toBeNull();
    expect(hubPassVerifyingKey("")).toBeNull();
  });
});
