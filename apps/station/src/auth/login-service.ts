import { loginThrottleKeys, verifySecret } from "@quay/auth";
import type { SessionUser } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type ServerClient, ServerRejectedError, ServerUnreachableError } from "../sync/server-client.js";
import type { AttemptGuard } from "./attempt-guard.js";
import type { SessionManager } from "./session-manager.js";

export interface LoginDeps {
  db: StationDb;
  client: ServerClient;
  sessions: SessionManager;
  /** Throttles wrong passwords, online and offline counted together. */
  attempts: AttemptGuard;
  /** Binds the station to its store and pulls what offline selling needs (`provisionStation`). */
  provision: (userToken: string) => Promise<void>;
  logger: Logger;
  /**
   * Told of every successful login with what the user typed, so a spoke can register at its hub
   * with the same login (`SpokeLink.enroll`); never awaited, and the password is kept nowhere.
   */
  afterLogin?: (username: string, password: string) => void;
}

/**
 * Online and offline login (docs/architecture.md, "Online, offline and the way back"). Online
 * asks the server and, the first time, provisions the station; offline checks the credentials
 * cached at the last sync. Both are throttled per username and client address, under the same
 * counts (docs/security.md, "Throttling").
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  /** `address`: the client's (`request.ip`). */
  async login(username: string, password: string, mode: "online" | "offline", address: string) {
    // A station that never synced cannot judge a password offline: no attempt to count.
    if (mode === "offline" && !this.deps.db.isProvisioned()) throw new StationError("NOT_PROVISIONED");
    const user = await this.deps.attempts.check(loginThrottleKeys(username, address), () =>
      mode === "online" ? this.online(username, password) : this.offline(username, password),
    );
    if (!user) throw new StationError("BAD_CREDENTIALS");
    this.deps.afterLogin?.(username, password);
    return { ...this.deps.sessions.open(user, mode), user };
  }

  /** The server's user; null when the server says the password is wrong. */
  private async online(username: string, password: string): Promise<SessionUser | null> {
    try {
      const answer = await this.deps.client.login(username, password);
      await this.deps.provision(answer.token);
      return answer.user;
    } catch (error) {
      const refusal = this.onlineError(error);
      if (refusal instanceof StationError && refusal.code === "BAD_CREDENTIALS") return null;
      throw refusal;
    }
  }

  private onlineError(error: unknown): unknown {
    if (error instanceof StationError) return error;
    if (error instanceof ServerUnreachableError) return new StationError("SERVER_UNREACHABLE", error.message);
    if (error instanceof ServerRejectedError) {
      // The server throttles this user or this station's address: pass its wait on.
      if (error.status === 429) {
        return new StationError(
          "TOO_MANY_ATTEMPTS",
          `server: ${error.code}`,
          error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds },
        );
      }
      if (error.code === "BAD_CREDENTIALS" || error.status === 401)
        return new StationError("BAD_CREDENTIALS");
      if (error.status === 403) return new StationError("FORBIDDEN", error.code);
      if (error.status === 404) return new StationError("NOT_FOUND", error.code);
      if (error.status < 500)
        return new StationError(
          error.code === "VALIDATION_FAILED" ? "VALIDATION_FAILED" : "FORBIDDEN",
          error.code,
        );
    }
    this.deps.logger.warn({ err: error }, "online login failed");
    return new StationError("SERVER_UNREACHABLE", error instanceof Error ? error.message : String(error));
  }

  /** The cached user; null for a wrong password, an unknown or an inactive user. */
  private async offline(username: string, password: string): Promise<SessionUser | null> {
    const entry = this.deps.db.credentials.findByUsername(username);
    // Hash even for an unknown user, so timing does not tell which usernames exist.
    const hash = entry?.passwordHash ?? "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";
    const matches = await verifySecret(password, hash);
    if (!entry?.active || !matches) return null;
    return { id: entry.userId, username: entry.username, name: entry.name, role: entry.role };
  }
}
