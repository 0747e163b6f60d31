import type { Clock } from "@quay/core";
import type { BankTransfer, StationStatus } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ConnectivityMonitor } from "./connectivity-monitor.js";
import { countOrders } from "./push-batches.js";
import type { ServerClient } from "./server-client.js";
import { ServerEvents } from "./server-events.js";
import { SoldOutSender } from "./sold-out-sender.js";
import { classifyFailure } from "./sync-failure.js";
import { DEFAULT_SYNC_OPTIONS, type SyncEngineOptions } from "./sync-options.js";
import { SyncPuller } from "./sync-puller.js";
import { SyncPusher } from "./sync-pusher.js";
import { type Retry, SyncScheduler } from "./sync-scheduler.js";
import {
  initialSyncStatus,
  type SyncStatusEvent,
  type SyncStatusState,
  stationStatus,
  syncStatusReducer,
} from "./sync-status.js";
import { systemTimers, type Timers } from "./timers.js";

/** What the engine asks of the server: pushes, pulls and the event stream at `baseUrl`. */
export type SyncClient = Pick<ServerClient, "push" | "pull" | "baseUrl"> &
  Partial<Pick<ServerClient, "soldOut">>;

export interface SyncEngineDeps {
  db: StationDb;
  client: SyncClient;
  monitor: ConnectivityMonitor;
  clock: Clock;
  /** The scheduler's timers; Node's own, read on `clock`, unless a test drives them. */
  timers?: Timers;
  logger: Logger;
  /** Orders changed by pulled ops (committed). */
  onOrdersChanged: (orderIds: readonly string[]) => void;
  /** Something in the status may have changed. */
  onStatusChanged: () => void;
  /** A pulled page was applied (committed), whatever it carried: a hub tells its spokes. */
  onApplied?: () => void;
  /** Transfers the store's bank confirmed, pulled from the cloud: for the cashier waiting on one. */
  onBankTransfers?: (transfers: readonly BankTransfer[]) => void;
  options?: Partial<SyncEngineOptions>;
}

/**
 * Moves ops between the station's outbox and the server (docs/sync-protocol.md; docs/architecture.md,
 * "Online, offline and the way back").
 *
 * - online: local changes are pushed within `pushDelayMs`; server events trigger pulls;
 * - server lost: mode turns offline by itself; selling never waits on any of this;
 * - server back with work pending: `offered` until the cashier says yes (or the store syncs
 *   automatically), then phase `open` (every open order in one push), phase `paid` (closed
 *   orders oldest first, in batches), a pull, and online again.
 * Ops are marked synced only from the server's `held` answer, so any step can be cut short by a
 * crash or a lost link and simply run again.
 *
 * The engine decides what a round does; `SyncScheduler` decides when one runs, `SyncPusher` and
 * `SyncPuller` talk to the server, and `syncStatusReducer` keeps the status.
 */
export class SyncEngine {
  private current: SyncStatusState = initialSyncStatus;
  /** Aborted when the server is lost, with every request on its way; then replaced. */
  private link = new AbortController();
  private unsubscribe: (() => void) | undefined;
  private readonly options: SyncEngineOptions;
  private readonly scheduler: SyncScheduler;
  private readonly pusher: SyncPusher;
  private readonly puller: SyncPuller;
  private readonly soldOut: SoldOutSender | undefined;
  private readonly events: ServerEvents;

  constructor(private readonly deps: SyncEngineDeps) {
    const options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    this.options = options;
    const timers = deps.timers ?? systemTimers(() => deps.clock.now());
    const signal = () => this.link.signal;
    this.scheduler = new SyncScheduler({
      timers,
      round: () => this.round(),
      canRun: () => this.canRun(),
      dueOnTick: (now) => this.dueOnTick(now),
      failed: (error) => this.failed(error),
      rerunDelayMs: options.pushDelayMs,
    });
    this.pusher = new SyncPusher({
      ...deps,
      timers,
      signal,
      onAcknowledged: () => this.scheduler.succeeded(),
      paidBatchOrders: options.paidBatchOrders,
      pushesInFlight: options.pushesInFlight,
    });
    this.puller = new SyncPuller({ ...deps, now: () => timers.now(), signal, pullLimit: options.pullLimit });
    const { soldOut } = deps.client;
    this.soldOut = soldOut
      ? new SoldOutSender({ ...deps, client: { soldOut: soldOut.bind(deps.client) }, tier: "cloud", signal })
      : undefined;
    this.events = new ServerEvents(
      deps.client,
      () => deps.db.settings.get("deviceToken"),
      (cursor) => this.onServerChanged(cursor),
      deps.logger,
      timers,
    );
  }

  start(): void {
    this.unsubscribe = this.deps.monitor.onChange((reachable) => this.onReachability(reachable));
    this.scheduler.start();
    this.deps.monitor.start();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    const roundOver = this.scheduler.stop();
    this.deps.monitor.stop();
    this.events.disconnect();
    this.link.abort();
    await roundOver;
    await this.puller.idle();
  }

  status(): StationStatus {
    const { db, monitor } = this.deps;
    return stationStatus(this.current, {
      serverReachable: monitor.reachable,
      pending: db.orders.pendingCounts(),
      refusedOrders: db.refused.list(),
      lastSyncAt: db.settings.get("lastSyncAt") ?? null,
    });
  }

  /** A cashier's change was committed: online, push it soon. */
  notifyLocalChange(): void {
    if (this.current.mode === "online") {
      this.scheduler.kick(this.options.pushDelayMs);
    } else if (this.deps.db.settings.get("offlineBacklog") !== true) {
      this.deps.db.settings.set("offlineBacklog", true);
    }
  }

  /**
   * A sold-out toggle was committed (or taken from a spoke): send it soon, whatever the mode.
   * Menu state, not a sale: it never makes the sync offer.
   */
  notifySoldOut(): void {
    this.scheduler.kick(0); // one tap, nothing to batch it with: every counter waits on it
  }

  /** The cashier's "yes" (`POST /api/sync`): sync now, and keep at it until done. */
  requestSync(): void {
    if (!this.deps.db.isProvisioned()) throw new StationError("NOT_PROVISIONED");
    if (!this.deps.monitor.reachable)
      throw new StationError("SERVER_UNREACHABLE", "sync requested while offline");
    if (this.current.mode === "online") {
      this.puller.want();
    } else {
      this.deps.db.settings.set("syncConsent", true);
      this.dispatch({ type: "consent" });
    }
    this.scheduler.kick(0);
  }

  /** Pulls pages until the server has nothing more; one pull at a time. */
  pullAll(): Promise<void> {
    return this.puller.pullAll();
  }

  /** The server stopped accepting the device token: the station must register again. */
  get deviceRejected(): boolean {
    return this.current.deviceRejected;
  }

  /** The station registered again: its new device token may sync. */
  deviceRegistered(): void {
    this.dispatch({ type: "registered" });
  }

  /** The station is provisioned: follow the server's events and sync (a pull too, unless `pulled`). */
  resume(pulled: boolean): void {
    if (!pulled) this.puller.want();
    this.events.connect();
    this.scheduler.kick(0);
  }

  private dispatch(event: SyncStatusEvent): void {
    const next = syncStatusReducer(this.current, event);
    if (next === this.current) return;
    this.current = next;
    this.deps.onStatusChanged();
  }

  private onReachability(reachable: boolean): void {
    this.deps.logger.info({ reachable }, reachable ? "server reachable" : "server lost");
    if (reachable) {
      if (this.deps.db.settings.get("deviceToken")) this.events.connect();
      this.scheduler.kick(0);
      this.dispatch({ type: "reachable" });
    } else {
      this.link.abort();
      this.link = new AbortController();
      this.events.disconnect();
      this.dispatch({ type: "lost" });
    }
    this.deps.onStatusChanged(); // `serverReachable` is read from the monitor
  }

  private onServerChanged(cursor: number): void {
    if (cursor > (this.deps.db.settings.get("cursor") ?? 0)) {
      this.puller.want();
      // While the sync is offered the station still pulls (see `reconnectRound`).
      if (this.current.mode === "online" || this.current.sync.state === "offered")
        this.scheduler.kick(this.options.pullDelayMs);
    }
  }

  private canRun(): boolean {
    const { monitor, db } = this.deps;
    return monitor.reachable && !this.current.deviceRejected && db.isProvisioned();
  }

  /**
   * Online: push what is pending, pull when stale. Offline: go back; while waiting for a yes,
   * only pull when stale.
   */
  private dueOnTick(now: number): boolean {
    const stale = this.puller.isStale(now, this.options.pullEveryMs);
    if (stale) this.puller.want();
    if ((this.soldOut?.owedCount() ?? 0) > 0) return true;
    if (this.current.mode !== "online") return this.current.sync.state !== "offered" || stale;
    const pending = this.deps.db.orders.pendingCounts();
    return stale || pending.openOrders + pending.paidOrders > 0 || this.deps.db.shifts.pendingCount() > 0;
  }

  private async round(): Promise<void> {
    // Sold-out toggles first, in every mode: small, and every counter and phone waits on them.
    await this.soldOut?.sendOwed();
    if (this.current.mode === "online") await this.liveRound();
    else await this.reconnectRound();
  }

  /** Online: push whatever is unsynced, pull when the server said something changed. */
  private async liveRound(): Promise<void> {
    await this.pusher.pushOpen();
    await this.pusher.pushClosed();
    await this.pusher.pushShifts();
    await this.pusher.reportRefusals();
    if (this.puller.isWanted) await this.puller.pullAll();
  }

  /** Offline and the server is back: go online, offer the sync, or run it. */
  private async reconnectRound(): Promise<void> {
    const { settings, orders } = this.deps.db;
    const consent = settings.get("syncConsent") === true;
    const pending = orders.pendingCounts();
    if (!consent && pending.openOrders + pending.paidOrders === 0) {
      await this.puller.pullAll();
      this.dispatch({ type: "finished" });
      return;
    }
    const autoSync = settings.get("autoSync") ?? settings.get("store")?.autoSync ?? false;
    // Only sales made offline need the cashier's yes; changes made online (left unpushed by a
    // lost link or a crash) simply go on syncing.
    const offline = settings.get("offlineBacklog") === true;
    if (!consent && !autoSync && offline) {
      // Only pushing the offline backlog waits for the cashier's yes. What phones and other
      // counters do still comes down meanwhile: after a "Later" their orders must show here.
      const newOffer = this.current.sync.state !== "offered";
      this.dispatch({ type: "offered" });
      if (newOffer || this.puller.isWanted) await this.puller.pullAll();
      return;
    }
    await this.fullSync();
  }

  /** The cashier-approved catch-up: open orders, then the paid backlog, then a pull. */
  private async fullSync(): Promise<void> {
    const { settings, orders } = this.deps.db;
    settings.set("syncConsent", true);
    this.dispatch({ type: "started" });

    const open = orders.openOutgoing();
    const openOrders = countOrders(open);
    this.dispatch({ type: "progress", phase: "open", done: 0, total: openOrders });
    await this.pusher.pushOps(open);
    this.dispatch({ type: "progress", phase: "open", done: openOrders, total: openOrders });

    let done = 0;
    let total = orders.pendingCounts().paidOrders;
    this.dispatch({ type: "progress", phase: "paid", done, total });
    await this.pusher.pushClosed((acknowledged) => {
      done += acknowledged;
      total = Math.max(total, done);
      this.dispatch({ type: "progress", phase: "paid", done, total });
    });

    await this.pusher.pushOpen(); // whatever the cashier changed meanwhile
    await this.pusher.pushClosed();
    await this.pusher.pushShifts(); // the counter's shifts, after its sales
    await this.pusher.reportRefusals();
    await this.puller.pullAll();
    const stillPending = orders.pendingCounts();
    if (stillPending.openOrders + stillPending.paidOrders === 0) settings.set("offlineBacklog", false);
    settings.set("syncConsent", false);
    this.dispatch({ type: "finished" });
    this.deps.logger.info("sync finished");
  }

  private failed(error: unknown): Retry {
    const { monitor, logger } = this.deps;
    const failure = classifyFailure(error);
    switch (failure.kind) {
      case "lost":
        return "none"; // the monitor already turned the station offline
      case "unreachable":
        logger.warn({ reason: failure.reason }, "sync request failed");
        if (failure.reason === "timeout") monitor.reportLost();
        else monitor.reportFailure();
        return monitor.reachable ? "soon" : "none";
      case "deviceRejected":
        logger.error("the server no longer accepts this station's device token; log in online again");
        this.dispatch({ type: "deviceRejected" });
        return "none";
      case "failed":
        logger.error({ err: error }, "sync failed");
        this.dispatch({ type: "failed", code: failure.code });
        return "backoff";
    }
  }
}
