import { claimedHubPassUser, hubPassThrottleKeys, hubPassVerifyingKey, verifyHubPass } from "@quay/auth";
import type { Clock } from "@quay/core";
import type { SessionUser } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { AttemptGuard } from "./attempt-guard.js";
import type { SessionManager } from "./session-manager.js";

export interface PassLoginDeps {
  db: StationDb;
  sessions: SessionManager;
  attempts: AttemptGuard;
  clock: Clock;
  logger: Logger;
}

/**
 * A session for the phone that brings a hub pass from the cloud app (docs/security.md, "Hub
 * passes"), judged here with no internet: the cloud's signature (the public key cached at the
 * last network report), the expiry, this station's store, and the user as the cached
 * credentials have them, active. Refusals count as failed logins from the phone's address.
 */
export class PassLogin {
  constructor(private readonly deps: PassLoginDeps) {}

  async login(pass: string, address: string) {
    const keys = hubPassThrottleKeys(claimedHubPassUser(pass) ?? "unreadable", address);
    const user = await this.deps.attempts.check(keys, async () => this.check(pass));
    if (!user) throw new StationError("HUB_PASS_REFUSED");
    return { ...this.deps.sessions.open(user, "offline"), user };
  }

  /** The pass's user, or null (logged with why) when it is not good here. */
  private check(pass: string): SessionUser | null {
    const { db } = this.deps;
    const passKey = db.settings.get("passKey");
    const key = passKey === undefined ? null : hubPassVerifyingKey(passKey);
    const storeId = db.identity()?.store.id;
    const refuse = (reason: string) => {
      this.deps.logger.info({ reason }, "hub pass refused");
      return null;
    };
    // Not reported to the cloud yet, or never provisioned: nothing to check a pass against.
    if (!key || !storeId) return refuse("no-key");
    const checked = verifyHubPass(pass, key, { nowMs: this.deps.clock.now(), storeId });
    if (!checked.ok) return refuse(checked.reason);
    const entry = db.credentials.findByUserId(checked.claims.sub);
    if (!entry) return refuse("unknown-user");
    if (!entry.active) return refuse("inactive-user");
    return { id: entry.userId, username: entry.username, name: entry.name, role: entry.role };
  }
}
