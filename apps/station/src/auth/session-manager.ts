import { randomBytes, randomUUID } from "node:crypto";
import { signToken, verifyToken } from "@quay/auth";
import type { Clock } from "@quay/core";
import type { SessionUser } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";

/** A signed-in user at this station. */
export interface Session {
  readonly id: string;
  readonly user: SessionUser;
  readonly mode: "online" | "offline";
  readonly expiresAt: string;
}

/** Sessions last a working day and then some (docs/api.md, "Conventions": at least 12 hours). */
export const SESSION_TTL_MS = 16 * 60 * 60 * 1000;

/**
 * Cashier sessions: signed tokens whose session rows live in the station's SQLite file, so a
 * token stays valid across restarts until it expires or the user logs out.
 */
export class SessionManager {
  private readonly secret: Buffer;
  private readonly cache = new Map<string, Session | null>();
  private readonly insert;
  private readonly select;
  private readonly remove;
  private readonly removeOfUser;

  constructor(
    readonly db: StationDb,
    private readonly clock: Clock,
  ) {
    let secret = db.settings.get("sessionSecret");
    if (!secret) {
      secret = randomBytes(32).toString("base64");
      db.settings.set("sessionSecret", secret);
    }
    this.secret = Buffer.from(secret, "base64");
    this.insert = db.db.prepare<[string, string, string, number]>(
      "INSERT INTO sessions(id, user_id, body, expires_at) VALUES (?, ?, ?, ?)",
    );
    this.select = db.db.prepare<[string], { body: string }>("SELECT body FROM sessions WHERE id = ?");
    this.remove = db.db.prepare<[string]>("DELETE FROM sessions WHERE id = ?");
    this.removeOfUser = db.db.prepare<[string]>("DELETE FROM sessions WHERE user_id = ?");
    db.db.prepare("DELETE FROM sessions WHERE expires_at < ?").run(clock.now());
    // A user deactivated, demoted or given a new password keeps no session (pulled changes).
    db.credentials.onUsersChanged((userIds) => this.endSessionsOf(userIds));
  }

  /** Ends every session of these users at once. */
  endSessionsOf(userIds: readonly string[]): void {
    for (const userId of userIds) this.removeOfUser.run(userId);
    for (const [id, session] of this.cache)
      if (session && userIds.includes(session.user.id)) this.cache.set(id, null);
  }

  open(user: SessionUser, mode: "online" | "offline"): { token: string; session: Session } {
    const expiresMs = this.clock.now() + SESSION_TTL_MS;
    const session: Session = {
      id: randomUUID(),
      user,
      mode,
      expiresAt: new Date(expiresMs).toISOString(),
    };
    this.insert.run(session.id, user.id, JSON.stringify(session), expiresMs);
    this.cache.set(session.id, session);
    const token = signToken(
      { sub: user.id, sid: session.id, exp: Math.floor(expiresMs / 1000), typ: "user" },
      this.secret,
    );
    return { token, session };
  }

  /** The session a token belongs to, or null for a bad, expired or logged-out token. */
  verify(token: string): Session | null {
    const claims = verifyToken(token, this.secret, this.clock.now());
    if (claims?.typ !== "user") return null;
    let session = this.cache.get(claims.sid);
    if (session === undefined) {
      const row = this.select.get(claims.sid);
      session = row ? (JSON.parse(row.body) as Session) : null;
      this.cache.set(claims.sid, session);
    }
    // Whatever the session says, the user must still be active in that role (a user signed in
    // online before the next pull brought them is not cached yet: the pull's check covers them).
    if (session) {
      const entry = this.db.credentials.findByUserId(session.user.id);
      if (entry && (!entry.active || entry.role !== session.user.role)) {
        this.endSessionsOf([session.user.id]);
        return null;
      }
    }
    return session;
  }

  close(sessionId: string): void {
    this.remove.run(sessionId);
    this.cache.set(sessionId, null);
  }
}
