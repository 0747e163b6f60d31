import { randomBytes } from "node:crypto";
import { signToken, verifyToken } from "@quay/auth";
import type { Clock, IdGenerator } from "@quay/core";
import { tokenSecret } from "../storage/scripts/meta.js";
import type { StationRecord, UserRecord } from "../storage/scripts/records.js";
import { createSession, getSession, revokeSession, revokeSessionsOf } from "../storage/scripts/sessions.js";
import { getStation } from "../storage/scripts/stations.js";
import { getStore, getStores, tenantStores } from "../storage/scripts/stores.js";
import { getUser } from "../storage/scripts/users.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { Script } from "../storage/sql-script.js";
import type { DevicePrincipal, Principal, UserPrincipal } from "./principal.js";

/** How long a person's login lasts (docs/api.md, "Conventions": at least 12 hours). */
export const USER_SESSION_MS = 24 * 60 * 60 * 1000;
/** A station's device credential lasts until it is revoked; the expiry is a backstop. */
export const DEVICE_SESSION_MS = 10 * 365 * 24 * 60 * 60 * 1000;

export interface IssuedToken {
  readonly token: string;
  readonly sessionId: string;
  readonly expiresAt: string;
}

/**
 * Issues and checks signed tokens. The signature proves a token was issued here (the secret
 * lives in the database, so tokens outlive restarts); the session row it names makes it
 * revocable, and the user or station behind it must still be active.
 */
export class SessionAuthority {
  private constructor(
    private readonly storage: ServerStorage,
    private readonly secret: Buffer,
    private readonly clock: Clock,
    private readonly newId: IdGenerator,
  ) {}

  static async create(storage: ServerStorage, clock: Clock, newId: IdGenerator): Promise<SessionAuthority> {
    const secret = await storage.write(tokenSecret(randomBytes(32).toString("base64")));
    return new SessionAuthority(storage, Buffer.from(secret, "base64"), clock, newId);
  }

  issueForUser(user: UserRecord): Promise<IssuedToken> {
    return this.#issue("user", user.tenantId, user.id, USER_SESSION_MS);
  }

  /** A new device credential for a station; its earlier ones stop working. */
  async issueForStation(station: StationRecord): Promise<IssuedToken> {
    await this.storage.write(revokeSessionsOf("device", station.id, this.#nowIso()));
    return this.#issue("device", station.tenantId, station.id, DEVICE_SESSION_MS);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.storage.write(revokeSession(sessionId, this.#nowIso()));
  }

  async revokeAllOf(kind: "user" | "device", subjectId: string): Promise<void> {
    await this.storage.write(revokeSessionsOf(kind, subjectId, this.#nowIso()));
  }

  /** The caller behind a token, or null when it is forged, expired, revoked or its owner is gone. */
  async authenticate(token: string): Promise<Principal | null> {
    const now = this.clock.now();
    const claims = verifyToken(token, this.secret, now);
    if (!claims) return null;
    return this.storage.read(resolvePrincipal(claims.sid, claims.sub, claims.typ, now));
  }

  async #issue(kind: "user" | "device", tenantId: string, subjectId: string, ttlMs: number) {
    const sessionId = this.newId();
    const expiresAtMs = this.clock.now() + ttlMs;
    await this.storage.write(
      createSession({
        id: sessionId,
        tenantId,
        kind,
        subjectId,
        expiresAt: expiresAtMs,
        now: this.#nowIso(),
      }),
    );
    const token = signToken(
      { sub: subjectId, sid: sessionId, exp: Math.floor(expiresAtMs / 1000), typ: kind },
      this.secret,
    );
    return { token, sessionId, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  #nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

function* resolvePrincipal(
  sessionId: string,
  subjectId: string,
  kind: "user" | "device",
  now: number,
): Script<Principal | null> {
  const session = yield* getSession(sessionId);
  if (!session || session.revoked || session.expiresAt <= now) return null;
  if (session.kind !== kind || session.subjectId !== subjectId) return null;
  if (kind === "device") {
    const station = yield* getStation(subjectId);
    if (!station?.active) return null;
    const store = yield* getStore(station.storeId);
    if (!store) return null;
    const principal: DevicePrincipal = { kind: "device", session, station, store };
    return principal;
  }
  const user = yield* getUser(subjectId);
  if (!user?.active || user.tenantId !== session.tenantId) return null;
  const stores = user.role === "owner" ? yield* tenantStores(user.tenantId) : yield* getStores(user.storeIds);
  const principal: UserPrincipal = { kind: "user", session, user, stores };
  return principal;
}
