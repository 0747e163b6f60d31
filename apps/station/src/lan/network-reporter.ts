import { StationNetworkAnswerSchema, type StationNetworkReport, type StationRole } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import type { Logger } from "../logger.js";
import type { ServerClient } from "../sync/server-client.js";
import { systemTimers, type TimerHandle, type Timers } from "../sync/timers.js";

/** How often the addresses are looked at again (DHCP may hand the PC a new one). */
export const LOOK_EVERY_MS = 60_000;
/** An unchanged report is sent again this often, so the cloud's copy stays fresh. */
export const REPORT_EVERY_MS = 10 * 60_000;
const REPORT_TIMEOUT_MS = 5_000;

export interface NetworkReporterDeps {
  db: StationDb;
  client: Pick<ServerClient, "json">;
  role: StationRole;
  /** This station's addresses on the shop's network now (none for a lone counter). */
  addresses: () => readonly string[];
  /** The port it listens on, once it does. */
  port: () => number | null;
  logger: Logger;
  timers?: Timers;
}

/**
 * Tells the cloud where the shop's phones reach this station (`PUT /api/stations/self/network`)
 * at start, after it registers, whenever its addresses change, and every ten minutes; and keeps
 * the key hub passes are checked with, which the answer carries, in the station's file. A report
 * that fails (offline) is tried again at the next look.
 */
export class NetworkReporter {
  readonly #timers: Timers;
  #sent: { key: string; at: number } | null = null;
  #timer: TimerHandle | undefined;
  #running: Promise<void> | null = null;

  constructor(private readonly deps: NetworkReporterDeps) {
    this.#timers = deps.timers ?? systemTimers();
  }

  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#timers.setInterval(() => void this.report(false), LOOK_EVERY_MS);
    void this.report(true);
  }

  stop(): void {
    this.#timers.clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Reports if anything changed or the last report is old; `force` reports anyway (a new device token). */
  report(force: boolean): Promise<void> {
    this.#running ??= this.#reportOnce(force).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #reportOnce(force: boolean): Promise<void> {
    const token = this.deps.db.settings.get("deviceToken");
    const port = this.deps.port();
    if (!token || port === null) return;
    const body: StationNetworkReport = { role: this.deps.role, addresses: [...this.deps.addresses()], port };
    const key = JSON.stringify(body);
    const now = this.#timers.now();
    const fresh = this.#sent !== null && this.#sent.key === key && now - this.#sent.at < REPORT_EVERY_MS;
    if (fresh && !force) return;
    try {
      const answer = await this.deps.client.json(
        "PUT",
        "/api/stations/self/network",
        StationNetworkAnswerSchema,
        {
          token,
          body: key,
          timeoutMs: REPORT_TIMEOUT_MS,
        },
      );
      this.deps.db.settings.set("passKey", answer.passKey);
      this.#sent = { key, at: now };
    } catch (error) {
      this.deps.logger.debug({ err: error }, "could not report the shop address to the server");
    }
  }
}
