import { hostname } from "node:os";
import type { Clock } from "@quay/core";
import { LoginResponseSchema, PROTOCOL_VERSION, RegisterStationResponseSchema } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import type { Logger } from "../logger.js";
import {
  ConnectivityMonitor,
  DEFAULT_MONITOR_OPTIONS,
  type MonitorOptions,
} from "../sync/connectivity-monitor.js";
import { ServerClient, TIMEOUTS } from "../sync/server-client.js";
import { ServerEvents } from "../sync/server-events.js";
import { SoldOutSender } from "../sync/sold-out-sender.js";
import { classifyFailure } from "../sync/sync-failure.js";
import { DEFAULT_SYNC_OPTIONS, type SyncEngineOptions } from "../sync/sync-options.js";
import { SyncPuller } from "../sync/sync-puller.js";
import { type Retry, SyncScheduler } from "../sync/sync-scheduler.js";
import { systemTimers, type Timers } from "../sync/timers.js";
import { HubPusher } from "./hub-pusher.js";

export interface SpokeLinkDeps {
  readonly db: StationDb;
  /** The hub's base URL (`--hub`). */
  readonly hubUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timers?: Timers;
  readonly monitor?: Partial<MonitorOptions>;
  readonly options?: Partial<SyncEngineOptions>;
  /** Orders changed by ops pulled from the hub (committed). */
  onOrdersChanged(orderIds: readonly string[]): void;
  /** After each pulled page is applied (its catalog too, if it brought one). */
  onApplied?: () => void;
  /** Whether the station's own cloud answers now (then the cloud's catalog and users win). */
  cloudReachable(): boolean;
}

/** What `GET /api/hub` shows of a spoke's link. */
export interface SpokeLinkStatus {
  readonly hubUrl: string;
  readonly registered: boolean;
  readonly reachable: boolean;
  /** Ops made here the hub does not hold yet. */
  readonly owed: number;
}

/**
 * A spoke's link to its shop's hub (docs/sync-protocol.md, "The hub tier"): the cloud sync's own
 * parts (monitor, scheduler, puller, event stream) run a second time against the hub, beside the
 * cloud's engine and whatever it does. While the hub answers, ops made here go to it within
 * `pushDelayMs`, and the hub's `changed` events bring the other counters' ops down within
 * `pullDelayMs`. No cashier's consent: that is about the offline backlog reaching the cloud,
 * which the cloud engine still asks for.
 */
export class SpokeLink {
  readonly client: ServerClient;
  readonly monitor: ConnectivityMonitor;
  private link = new AbortController();
  private readonly options: SyncEngineOptions;
  private readonly scheduler: SyncScheduler;
  private readonly pusher: HubPusher;
  private readonly puller: SyncPuller;
  private readonly soldOut: SoldOutSender;
  private readonly events: ServerEvents;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: SpokeLinkDeps) {
    const { db, logger } = deps;
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    const timers = deps.timers ?? systemTimers(() => deps.clock.now());
    this.client = new ServerClient(deps.hubUrl);
    this.monitor = new ConnectivityMonitor((timeoutMs) => this.client.probe(timeoutMs), {
      ...DEFAULT_MONITOR_OPTIONS,
      ...deps.monitor,
    });
    const signal = () => this.link.signal;
    this.pusher = new HubPusher({ db, client: this.client, monitor: this.monitor, logger, signal });
    this.soldOut = new SoldOutSender({
      db,
      client: this.client,
      tier: "hub",
      monitor: this.monitor,
      logger,
      signal,
    });
    this.puller = new SyncPuller({
      db,
      client: this.client,
      monitor: this.monitor,
      now: () => timers.now(),
      signal,
      onOrdersChanged: (orderIds) => deps.onOrdersChanged(orderIds),
      onApplied: () => deps.onApplied?.(),
      pullLimit: this.options.pullLimit,
      tier: "hub",
      takesSnapshots: () => !deps.cloudReachable(),
    });
    this.scheduler = new SyncScheduler({
      timers,
      round: () => this.round(),
      canRun: () => this.monitor.reachable && this.registered && db.isProvisioned(),
      dueOnTick: (now) => {
        if (this.puller.isStale(now, this.options.pullEveryMs)) this.puller.want();
        return this.puller.isWanted || db.hubLog.owedCount() > 0 || this.soldOut.owedCount() > 0;
      },
      failed: (error) => this.failed(error),
      rerunDelayMs: this.options.pushDelayMs,
    });
    this.events = new ServerEvents(
      this.client,
      () => db.settings.get("hubToken"),
      (cursor) => {
        if (cursor <= (db.settings.get("hubCursor") ?? 0)) return;
        this.puller.want();
        this.scheduler.kick(this.options.pullDelayMs);
      },
      logger,
      timers,
    );
  }

  get registered(): boolean {
    return this.deps.db.settings.get("hubToken") !== undefined;
  }

  start(): void {
    const identity = this.deps.db.identity();
    // What this station made and the cloud lacks from before it had a hub goes to the hub too.
    if (identity) this.deps.db.hubLog.oweUnsyncedOf(identity.stationId);
    this.unsubscribe = this.monitor.onChange((reachable) => this.onReachability(reachable));
    this.scheduler.start();
    this.monitor.start();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    const roundOver = this.scheduler.stop();
    this.monitor.stop();
    this.events.disconnect();
    this.link.abort();
    await roundOver;
    await this.puller.idle();
  }

  /** A change was made here: hand it to the hub soon. */
  notifyLocalChange(): void {
    this.scheduler.kick(this.options.pushDelayMs);
  }

  status(): SpokeLinkStatus {
    return {
      hubUrl: this.deps.hubUrl,
      registered: this.registered,
      reachable: this.monitor.reachable,
      owed: this.deps.db.hubLog.owedCount(),
    };
  }

  /**
   * Registers this counter at its hub with a staff login there (the same username and password,
   * checked by the hub against its cached credentials): a session at the hub, the registration,
   * then the session ends. Only once the station knows its cloud identity, and only when it holds
   * no hub token yet.
   */
  async enroll(username: string, password: string): Promise<void> {
    const { db, logger } = this.deps;
    const identity = db.identity();
    if (!identity || this.registered) return;
    const session = await this.client.json("POST", "/api/login", LoginResponseSchema, {
      body: JSON.stringify({ username, password, mode: "offline" }),
      timeoutMs: TIMEOUTS.login,
    });
    try {
      const registered = await this.client.json("POST", "/api/sync/register", RegisterStationResponseSchema, {
        token: session.token,
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          storeCode: identity.store.code,
          stationId: identity.stationId,
          name: `Quầy ${hostname()} (${identity.stationCode})`.slice(0, 80),
        }),
        timeoutMs: TIMEOUTS.login,
      });
      db.settings.set("hubToken", registered.deviceToken);
    } finally {
      await this.client
        .send("POST", "/api/logout", { token: session.token, timeoutMs: TIMEOUTS.login })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    }
    logger.info({ hub: this.deps.hubUrl }, "registered at the hub");
    db.hubLog.oweUnsyncedOf(identity.stationId);
    if (this.monitor.reachable) this.events.connect();
    this.puller.want();
    this.scheduler.kick(0);
  }

  private onReachability(reachable: boolean): void {
    this.deps.logger.info({ reachable }, reachable ? "hub reachable" : "hub lost");
    if (reachable) {
      if (this.registered) this.events.connect();
      this.puller.want();
      this.scheduler.kick(0);
    } else {
      this.link.abort();
      this.link = new AbortController();
      this.events.disconnect();
    }
  }

  private async round(): Promise<void> {
    await this.soldOut.sendOwed();
    await this.pusher.pushOwed();
    if (this.puller.isWanted) await this.puller.pullAll();
  }

  private failed(error: unknown): Retry {
    const failure = classifyFailure(error);
    switch (failure.kind) {
      case "lost":
        return "none";
      case "unreachable":
        if (failure.reason === "timeout") this.monitor.reportLost();
        else this.monitor.reportFailure();
        return this.monitor.reachable ? "soon" : "none";
      case "deviceRejected":
        // The hub no longer knows this counter (its file replaced, or re-registered elsewhere).
        this.deps.logger.warn("the hub refused this counter's token; log in here again to register");
        this.deps.db.settings.delete("hubToken");
        this.events.disconnect();
        return "none";
      case "failed":
        this.deps.logger.error({ err: error }, "hub sync failed");
        return "backoff";
    }
  }
}
