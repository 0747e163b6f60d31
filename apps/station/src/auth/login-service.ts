import { loginThrottleKeys, verifySecret } from "@quay/auth";
import type { SessionUser } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type ServerClient, ServerRejectedError, ServerUnreachableError } from "../sync/server-client.js";
import type { AttemptGuard } from "./attempt-guard.js";
import type { SessionManager } from "./session-manager.js";

/** Who the password proved, and how it was checked. */
interface Checked {
  readonly user: SessionUser;
  readonly mode: "online" | "offline";
}

export interface LoginDeps {
  db: StationDb;
  client: ServerClient;
  sessions: SessionManager;
  /** Throttles wrong passwords, online and offline counted together. */
  attempts: AttemptGuard;
  /** Binds the station to its store and pulls what offline selling needs (`provisionStation`). */
  provision: (userToken: string) => Promise<void>;
  /** Whether the cloud answers as far as the station knows (`ConnectivityMonitor`). */
  cloudReachable: () => boolean;
  logger: Logger;
  /**
   * Told of every successful login with what the user typed, so a spoke can register at its hub
   * with the same login (`SpokeLink.enroll`); never awaited, and the password is kept nowhere.
   */
  afterLogin?: (username: string, password: string) => void;
}

/** Who logs in, from where. */
export interface LoginCaller {
  /** The client's address (`request.ip`), for throttling. */
  readonly address: string;
  /**
   * The counter PC itself (a loopback caller): only its login may bind the station to a store,
   * register it again, or enroll a spoke at its hub; a phone's login on the shop's network only
   * checks who it is.
   */
  readonly atCounter: boolean;
}

/**
 * Online and offline login (docs/architecture.md, "Online, offline and the way back"). Online
 * asks the server and, at the counter PC, provisions the station the first time; offline checks
 * the credentials cached at the last sync; a login that names no mode (a phone's) is online while
 * the server answers, else offline. All are throttled per username and client address, under the
 * same counts (docs/security.md, "Throttling").
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  async login(
    username: string,
    password: string,
    asked: "online" | "offline" | undefined,
    caller: LoginCaller,
  ) {
    // Only the counter PC provisions: from anywhere else, a station that never synced has no store to serve.
    const provisioned = this.deps.db.isProvisioned();
    if (!provisioned && (asked === "offline" || !caller.atCounter)) throw new StationError("NOT_PROVISIONED");
    const offlineFirst = asked === "offline" || (asked === undefined && !this.deps.cloudReachable());
    const checked = await this.deps.attempts.check(loginThrottleKeys(username, caller.address), () =>
      offlineFirst ? this.offline(username, password) : this.online(username, password, caller, asked),
    );
    if (!checked) throw new StationError("BAD_CREDENTIALS");
    if (caller.atCounter) this.deps.afterLogin?.(username, password);
    return { ...this.deps.sessions.open(checked.user, checked.mode), ...checked };
  }

  /**
   * The server's user; null when the server says the password is wrong. A login that named no
   * mode falls back to the cached credentials when the server cannot be reached.
   */
  private async online(
    username: string,
    password: string,
    caller: LoginCaller,
    asked: "online" | undefined,
  ): Promise<Checked | null> {
    try {
      const answer = await this.deps.client.login(username, password);
      if (caller.atCounter) await this.deps.provision(answer.token);
      return { user: answer.user, mode: "online" };
    } catch (error) {
      const refusal = this.onlineError(error);
      if (refusal instanceof StationError && refusal.code === "BAD_CREDENTIALS") return null;
      const unreachable = refusal instanceof StationError && refusal.code === "SERVER_UNREACHABLE";
      if (unreachable && asked === undefined && this.deps.db.isProvisioned())
        return this.offline(username, password);
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
  private async offline(username: string, password: string): Promise<Checked | null> {
    const entry = this.deps.db.credentials.findByUsername(username);
    // Hash even for an unknown user, so timing does not tell which usernames exist.
    const hash = entry?.passwordHash ?? "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";
    const matches = await verifySecret(password, hash);
    if (!entry?.active || !matches) return null;
    const user = { id: entry.userId, username: entry.username, name: entry.name, role: entry.role };
    return { user, mode: "offline" };
  }
}
