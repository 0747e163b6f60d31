import { verifySecret } from "@quay/auth";
import type { SessionUser } from "@quay/protocol";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { StationStore } from "../store/station-store.js";
import { type ServerClient, ServerRejectedError, ServerUnreachableError } from "../sync/server-client.js";
import type { SessionManager } from "./session-manager.js";

export interface LoginDeps {
  store: StationStore;
  client: ServerClient;
  sessions: SessionManager;
  /** Binds the station to its store and pulls what offline selling needs (`provisionStation`). */
  provision: (userToken: string) => Promise<void>;
  logger: Logger;
}

/**
 * Online and offline login (docs/architecture.md, "Online, offline and the way back"). Online
 * asks the server and, the first time, provisions the station; offline checks the credentials
 * cached at the last sync.
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  async login(username: string, password: string, mode: "online" | "offline") {
    const user =
      mode === "online" ? await this.online(username, password) : await this.offline(username, password);
    return { ...this.deps.sessions.open(user, mode), user };
  }

  private async online(username: string, password: string): Promise<SessionUser> {
    try {
      const answer = await this.deps.client.login(username, password);
      await this.deps.provision(answer.token);
      return answer.user;
    } catch (error) {
      throw this.onlineError(error);
    }
  }

  private onlineError(error: unknown): unknown {
    if (error instanceof StationError) return error;
    if (error instanceof ServerUnreachableError) return new StationError("SERVER_UNREACHABLE", error.message);
    if (error instanceof ServerRejectedError) {
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

  private async offline(username: string, password: string): Promise<SessionUser> {
    const { store } = this.deps;
    if (!store.isProvisioned()) throw new StationError("NOT_PROVISIONED");
    const entry = store.credentials.findByUsername(username);
    // Hash even for an unknown user, so timing does not tell which usernames exist.
    const hash = entry?.passwordHash ?? "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";
    const matches = await verifySecret(password, hash);
    if (!entry?.active || !matches) throw new StationError("BAD_CREDENTIALS");
    return { id: entry.userId, username: entry.username, name: entry.name, role: entry.role };
  }
}
