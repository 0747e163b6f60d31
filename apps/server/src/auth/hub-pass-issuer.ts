import type { KeyObject } from "node:crypto";
import { hubPassPublicKey, hubPassSigningKey, newHubPassKey, signHubPass } from "@quay/auth";
import type { Clock } from "@quay/core";
import { hubPassKey } from "../storage/scripts/meta.js";
import type { ServerStorage } from "../storage/server-storage.js";

/** How long a hub pass lasts: a working day, so a pass fetched at opening still works at closing. */
export const HUB_PASS_MS = 12 * 60 * 60 * 1000;

/**
 * Signs the hub passes a phone carries to the shop's hub when the internet fails (docs/security.md,
 * "Hub passes"). The private key is made at first start and kept in the storage, so passes and the
 * stations' copies of the public key outlive restarts; only the public key ever leaves the server.
 */
export class HubPassIssuer {
  private constructor(
    private readonly signingKey: KeyObject,
    private readonly clock: Clock,
    /** What stations check passes with (`hubPassVerifyingKey`). */
    readonly publicKey: string,
  ) {}

  static async create(storage: ServerStorage, clock: Clock): Promise<HubPassIssuer> {
    const signingKey = hubPassSigningKey(await storage.write(hubPassKey(newHubPassKey())));
    return new HubPassIssuer(signingKey, clock, hubPassPublicKey(signingKey));
  }

  /** A pass for this user at the hubs of this store, from now for `HUB_PASS_MS`. */
  issue(userId: string, storeId: string): { pass: string; expiresAt: string } {
    const nowMs = this.clock.now();
    const exp = Math.floor((nowMs + HUB_PASS_MS) / 1000);
    const pass = signHubPass(
      { sub: userId, store: storeId, iat: Math.floor(nowMs / 1000), exp },
      this.signingKey,
    );
    return { pass, expiresAt: new Date(exp * 1000).toISOString() };
  }
}
