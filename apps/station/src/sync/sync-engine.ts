import { hostname } from "node:os";
import type { Clock, Op } from "@quay/core";
import type { StationStatus } from "@quay/protocol";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ClosedKey, OutgoingOp } from "../store/order-log.js";
import type { StationStore } from "../store/station-store.js";
import type { ConnectivityMonitor } from "./connectivity-monitor.js";
import { chunkByOrder, countOrders, pushBody } from "./push-batches.js";
import { isolateRefused, isRefusedForGood } from "./refusal-isolation.js";
import {
  type PushResponse,
  type ServerClient,
  ServerRejectedError,
  ServerUnreachableError,
} from "./server-client.js";
import { ServerEvents } from "./server-events.js";

type SyncState = StationStatus["sync"]["state"];
type SyncPhase = NonNullable<StationStatus["sync"]["phase"]>;

export interface SyncEngineOptions {
  /** Closed orders per push while catching up on the paid backlog. */
  paidBatchOrders: number;
  /** Pushes of the paid backlog on their way at once, besides the one being answered. */
  pushesInFlight: number;
  /** Ops per pull page. */
  pullLimit: number;
  /** While online, pull at least this often even without a server event. */
  pullEveryMs: number;
  /** While online, push this long after a local change (lets a burst of calls share a push). */
  pushDelayMs: number;
  /** While online, pull this long after the server says something changed (coalesces a burst). */
  pullDelayMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncEngineOptions = {
  paidBatchOrders: 500,
  pushesInFlight: 1,
  pullLimit: 5_000,
  pullEveryMs: 5_000,
  pushDelayMs: 75,
  pullDelayMs: 100,
};

export interface SyncEngineDeps {
  store: StationStore;
  client: ServerClient;
  monitor: ConnectivityMonitor;
  clock: Clock;
  logger: Logger;
  /** Orders changed by pulled ops (committed). */
  onOrdersChanged: (orderIds: readonly string[]) => void;
  /** Something in the status may have changed. */
  onStatusChanged: () => void;
  /** `--store`: the store code to register with. */
  storeCode?: string | undefined;
  options?: Partial<SyncEngineOptions>;
}

/** A push ready to go: its ops, how many orders they are, and its body. */
interface PreparedPush {
  readonly ops: readonly OutgoingOp[];
  readonly orders: number;
  readonly body: Uint8Array;
}

/** A push on its way: the server's answer, and when its body is all sent. */
interface Push {
  readonly ops: readonly OutgoingOp[];
  readonly orders: number;
  readonly answer: Promise<PushResponse>;
  readonly sent: Promise<void>;
}

/** The next batch of closed orders, and its push when it fits one. */
interface NextBatch {
  readonly ops: OutgoingOp[];
  readonly last: ClosedKey | null;
  readonly push: PreparedPush | undefined;
}

/** Resolves once the event loop has run the timers and I/O that are due. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The sync engine stopped its work because the server is no longer reachable. */
class ServerLostError extends Error {
  override readonly name = "ServerLostError";
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
 */
export class SyncEngine {
  private mode: "online" | "offline" = "offline";
  private state: SyncState = "idle";
  private phase: SyncPhase | null = null;
  private done = 0;
  private total = 0;
  private error: string | null = null;
  private deviceRejected = false;
  private failuresInARow = 0;
  private running: Promise<void> | undefined;
  private wanted = false;
  private kickTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private inFlight = new AbortController();
  private pullWanted = true;
  private lastPullAt = 0;
  private pullChain: Promise<void> = Promise.resolve();
  private stopped = true;
  private readonly options: SyncEngineOptions;
  private readonly events: ServerEvents;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: SyncEngineDeps) {
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    this.events = new ServerEvents(
      deps.client,
      () => deps.store.settings.get("deviceToken"),
      (cursor) => this.onServerChanged(cursor),
      deps.logger,
    );
  }

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.deps.monitor.onChange((reachable) => this.onReachability(reachable));
    this.tickTimer = setInterval(() => this.tick(), 1_000);
    this.deps.monitor.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.tickTimer);
    clearTimeout(this.kickTimer);
    clearTimeout(this.retryTimer);
    this.deps.monitor.stop();
    this.events.disconnect();
    this.inFlight.abort();
    await this.running;
    await this.pullChain;
  }

  status(): StationStatus {
    const sync = {
      state: this.state,
      phase: this.phase,
      done: this.done,
      total: this.total,
      error: this.error,
    };
    const refused = this.deps.store.refused.list();
    const [oldest] = refused;
    return {
      mode: this.mode,
      serverReachable: this.deps.monitor.reachable,
      pending: this.deps.store.orders.pendingCounts(),
      // Between syncs, an order the server refused is the failure to show, until a manager resolves it.
      sync:
        oldest && sync.state === "idle"
          ? { ...sync, state: "failed", error: oldest.code, orderId: oldest.orderId }
          : sync,
      refusedOrders: refused,
      lastSyncAt: this.deps.store.settings.get("lastSyncAt") ?? null,
    };
  }

  /** A cashier's change was committed: online, push it soon. */
  notifyLocalChange(): void {
    if (this.mode === "online") {
      this.kick(this.options.pushDelayMs);
    } else if (this.deps.store.settings.get("offlineBacklog") !== true) {
      this.deps.store.settings.set("offlineBacklog", true);
    }
  }

  /** The cashier's "yes" (`POST /api/sync`): sync now, and keep at it until done. */
  requestSync(): void {
    if (!this.deps.store.isProvisioned()) throw new StationError("NOT_PROVISIONED");
    if (!this.deps.monitor.reachable)
      throw new StationError("SERVER_UNREACHABLE", "sync requested while offline");
    if (this.mode === "online") {
      this.pullWanted = true;
    } else {
      this.deps.store.settings.set("syncConsent", true);
      if (this.state === "offered") this.setState("running");
    }
    this.kick(0);
  }

  /**
   * Binds the station to its store with a user's server token (first online login) and, the
   * first time, pulls the catalog and the users before answering, so offline works from then on.
   */
  async provision(userToken: string): Promise<void> {
    const { store, client } = this.deps;
    const identity = store.identity();
    if (!identity || !store.settings.get("deviceToken") || this.deviceRejected) {
      const storeCode = this.deps.storeCode ?? identity?.store.code;
      const registered = await client.register(userToken, {
        ...(storeCode ? { storeCode } : {}),
        ...(identity ? { stationId: identity.stationId } : {}),
        name: `Quầy ${hostname()}`.slice(0, 80),
      });
      store.transaction(() => {
        store.settings.set("stationId", registered.stationId);
        store.settings.set("stationCode", registered.stationCode);
        store.settings.set("deviceToken", registered.deviceToken);
        store.settings.set("store", registered.store);
      });
      this.deviceRejected = false;
      this.deps.logger.info({ stationCode: registered.stationCode }, "station registered");
    }
    this.deps.monitor.reportSuccess();
    if (!store.catalog()) await this.pullAll();
    else this.pullWanted = true;
    this.events.connect();
    this.kick(0);
  }

  private onReachability(reachable: boolean): void {
    this.deps.logger.info({ reachable }, reachable ? "server reachable" : "server lost");
    if (reachable) {
      if (this.deps.store.settings.get("deviceToken")) this.events.connect();
      this.kick(0);
    } else {
      this.inFlight.abort();
      this.inFlight = new AbortController();
      this.events.disconnect();
      this.mode = "offline";
      if (this.state === "running") this.error = "SERVER_UNREACHABLE";
      if (this.state === "running") this.state = "failed";
      else if (this.state === "offered") this.state = "idle";
    }
    this.deps.onStatusChanged();
  }

  private onServerChanged(cursor: number): void {
    if (cursor > (this.deps.store.settings.get("cursor") ?? 0)) {
      this.pullWanted = true;
      if (this.mode === "online") this.kick(this.options.pullDelayMs);
    }
  }

  private tick(): void {
    if (!this.deps.monitor.reachable || !this.canSync()) return;
    if (this.mode === "online") {
      const stale = this.deps.clock.now() - this.lastPullAt > this.options.pullEveryMs;
      if (stale) this.pullWanted = true;
      const pending = this.deps.store.orders.pendingCounts();
      if (stale || pending.openOrders + pending.paidOrders > 0) this.kick(0);
    } else if (this.state !== "offered") {
      this.kick(0);
    }
  }

  private canSync(): boolean {
    return !this.stopped && !this.deviceRejected && this.deps.store.isProvisioned();
  }

  /** Asks the worker to run (once more) after `delayMs`; only one run is ever in progress. */
  private kick(delayMs: number): void {
    this.wanted = true;
    if (this.running || this.kickTimer || this.stopped) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = undefined;
      this.running = this.work().finally(() => {
        this.running = undefined;
        if (this.wanted) this.kick(this.options.pushDelayMs);
      });
    }, delayMs);
  }

  /** Runs the worker again after `delayMs` (a retry after a failure, not a burst of changes). */
  private later(delayMs: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.kick(0), delayMs);
  }

  private async work(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      if (!this.deps.monitor.reachable || !this.canSync()) return;
      try {
        if (this.mode === "online") await this.liveRound();
        else await this.reconnectRound();
      } catch (error) {
        this.failed(error);
        return;
      }
    }
  }

  /** Online: push whatever is unsynced, pull when the server said something changed. */
  private async liveRound(): Promise<void> {
    await this.pushOpen();
    await this.pushClosed(() => undefined);
    if (this.pullWanted) await this.pullAll();
  }

  /** Offline and the server is back: go online, offer the sync, or run it. */
  private async reconnectRound(): Promise<void> {
    const { settings, orders } = this.deps.store;
    const consent = settings.get("syncConsent") === true;
    const pending = orders.pendingCounts();
    if (!consent && pending.openOrders + pending.paidOrders === 0) {
      await this.pullAll();
      this.goOnline();
      return;
    }
    const autoSync = settings.get("autoSync") ?? settings.get("store")?.autoSync ?? false;
    // Only sales made offline need the cashier's yes; changes made online (left unpushed by a
    // lost link or a crash) simply go on syncing.
    const offline = settings.get("offlineBacklog") === true;
    if (!consent && !autoSync && offline) {
      if (this.state !== "offered") this.setState("offered");
      return;
    }
    await this.fullSync();
  }

  /** The cashier-approved catch-up: open orders, then the paid backlog, then a pull. */
  private async fullSync(): Promise<void> {
    const { settings, orders } = this.deps.store;
    settings.set("syncConsent", true);
    this.error = null;
    this.setState("running");

    const open = orders.openOutgoing();
    this.setProgress("open", 0, countOrders(open));
    await this.pushOps(open);
    this.setProgress("open", this.total, this.total);

    this.setProgress("paid", 0, orders.pendingCounts().paidOrders);
    await this.pushClosed((acknowledged) => {
      const done = this.done + acknowledged;
      this.setProgress("paid", done, Math.max(this.total, done));
    });

    await this.pushOpen(); // whatever the cashier changed meanwhile
    await this.pushClosed(() => undefined);
    await this.pullAll();
    const stillPending = orders.pendingCounts();
    if (stillPending.openOrders + stillPending.paidOrders === 0) settings.set("offlineBacklog", false);
    settings.set("syncConsent", false);
    this.goOnline();
    this.deps.logger.info("sync finished");
  }

  private async pushOpen(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const ops = this.deps.store.orders.openOutgoing();
      if (ops.length === 0) return;
      await this.pushOps(ops);
    }
  }

  /**
   * Pushes the closed (paid or void) orders oldest first, in batches of `paidBatchOrders`, so that
   * the server always has the next batch in hand: as soon as it answers one, the next one goes
   * (read and serialised beforehand), and only once its body is on the wire does the station mark
   * the answered batch synced and read the one after. With `pushesInFlight` above 1, that many
   * pushes travel at once. Batches are acknowledged in the order they were sent, each from its
   * own `held` answer only: a crash or a lost link at any point leaves ops unmarked, and the next
   * pass pushes them again (the server keeps ops by id, nothing doubles).
   */
  private async pushClosed(progress: (acknowledgedOrders: number) => void): Promise<void> {
    const orders = this.deps.store.orders;
    const batchOrders = this.options.paidBatchOrders;
    for (let pass = 0; pass < 100; pass++) {
      const inFlight: Push[] = [];
      /** The next batch after `after`, serialised ahead of its turn when it fits one push. */
      const read = (after: ClosedKey | null): NextBatch => {
        const batch = orders.closedOutgoing(batchOrders, after);
        if (batch.ops.length === 0 || chunkByOrder(batch.ops).length > 1)
          return { ...batch, push: undefined };
        // The station's pending count leaves out the orders already on their way.
        const onTheirWay = inFlight.reduce((sum, push) => sum + push.orders, 0);
        return { ...batch, push: this.prepare(batch.ops, onTheirWay) };
      };
      const end: NextBatch = { ops: [], last: null, push: undefined };
      let next = read(null);
      if (next.ops.length === 0) return;
      /** Sends the next batch and reads the one after; false when it must go alone (too big). */
      const sendNext = async (): Promise<boolean> => {
        if (!next.push) return false;
        const push = this.send(next.push);
        inFlight.push(push);
        await push.sent; // the station's own work below must not hold the body back
        await nextTurn(); // and what is due goes first: a status update, a cashier's call
        next = next.last ? read(next.last) : end;
        return true;
      };
      while (next.ops.length > 0 || inFlight.length > 0) {
        if (next.ops.length > 0 && inFlight.length < this.options.pushesInFlight) {
          if (await sendNext()) continue;
          // Orders too big for one push: push them alone, once the pushes in flight are answered.
          for (const push of inFlight.splice(0)) progress(await this.settle(push.ops, push.answer));
          progress(await this.pushOps(next.ops));
          next = next.last ? read(next.last) : end;
          continue;
        }
        const oldest = inFlight[0];
        if (!oldest) continue;
        const answer = await oldest.answer.catch((error: unknown) => {
          if (isRefusedForGood(error)) return null; // settled below, once it leaves the pipeline
          throw error;
        });
        if (next.ops.length > 0 && inFlight.length <= this.options.pushesInFlight) await sendNext();
        inFlight.shift();
        progress(
          answer ? this.acknowledge(oldest.ops, answer) : await this.settle(oldest.ops, oldest.answer),
        );
      }
    }
  }

  /**
   * Serialises a push of `ops` (at most MAX_PUSH_OPS). `onTheirWay` closed orders, sent in pushes
   * not acknowledged yet, are left out of the pending count it reports.
   */
  private prepare(ops: readonly OutgoingOp[], onTheirWay = 0): PreparedPush {
    const pending = this.deps.store.orders.pendingCounts();
    pending.paidOrders = Math.max(0, pending.paidOrders - onTheirWay);
    return { ops, orders: countOrders(ops), body: Buffer.from(pushBody(ops, pending)) };
  }

  /** Sends a prepared push; the caller acknowledges the answer. */
  private send(prepared: PreparedPush): Push {
    const { store, client } = this.deps;
    const { ops, orders } = prepared;
    const token = store.settings.get("deviceToken");
    if (!token) {
      const refused = Promise.reject(new StationError("NOT_PROVISIONED"));
      refused.catch(() => undefined);
      return { ops, orders, answer: refused, sent: Promise.resolve() };
    }
    const signal = this.inFlight.signal;
    const started = performance.now();
    let bodySent = () => {};
    const sending = new Promise<void>((resolve) => {
      bodySent = resolve;
    });
    const answer = client.push(token, prepared.body, signal, bodySent).then((response) => {
      if (signal.aborted) throw new ServerLostError("push answered after the server was lost");
      this.deps.logger.debug(
        { ops: ops.length, ms: Math.round(performance.now() - started) },
        "push answered",
      );
      return response;
    });
    answer.catch(() => undefined); // awaited by the caller; never left unhandled
    const ended = answer.then(
      () => undefined,
      () => undefined,
    );
    return { ops, orders, answer, sent: Promise.race([sending, ended]) };
  }

  /** Marks what the server holds as synced; returns the number of orders the push touched. */
  private acknowledge(ops: readonly OutgoingOp[], answer: PushResponse): number {
    const { store, monitor } = this.deps;
    const started = performance.now();
    monitor.reportSuccess();
    const held = new Set(answer.held);
    if (!ops.some((op) => held.has(op.id))) throw new ServerRejectedError(502, "SYNC_NOTHING_HELD");
    this.failuresInARow = 0;
    const now = new Date(this.deps.clock.now()).toISOString();
    const touched = store.transaction(() => {
      const touched = store.orders.markSynced(ops, held);
      store.settings.set("lastSyncAt", now);
      return touched;
    });
    this.deps.onStatusChanged();
    this.deps.logger.debug(
      { orders: touched.length, ms: Math.round(performance.now() - started) },
      "push acknowledged",
    );
    return touched.length;
  }

  /** Pushes ops in as few requests as the size limit allows; returns the orders acknowledged. */
  private async pushOps(ops: readonly OutgoingOp[]): Promise<number> {
    let acknowledged = 0;
    for (const chunk of chunkByOrder(ops)) {
      acknowledged += await this.settle(chunk, this.send(this.prepare(chunk)).answer);
    }
    return acknowledged;
  }

  /**
   * Acknowledges a push's answer. A push the server refused for good never blocks the rest: the
   * orders at fault are found (`isolateRefused`), set apart for a manager, and the others synced.
   */
  private async settle(ops: readonly OutgoingOp[], answer: Promise<PushResponse>): Promise<number> {
    try {
      return this.acknowledge(ops, await answer);
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      return isolateRefused(ops, error, {
        push: async (part) => this.acknowledge(part, await this.send(this.prepare(part)).answer),
        refuse: (orderId, refusal) => this.refuse(orderId, refusal),
      });
    }
  }

  /** Sets an order the server refused for good apart: shown to the cashier, left for a manager. */
  private refuse(orderId: string, refusal: ServerRejectedError): void {
    const at = new Date(this.deps.clock.now()).toISOString();
    const { opId } = refusal.about;
    this.deps.store.refused.refuse(orderId, {
      code: refusal.code,
      message: refusal.serverMessage,
      at,
      ...(opId === undefined ? {} : { opId }),
    });
    this.deps.logger.warn(
      { orderId, code: refusal.code, status: refusal.status },
      "the server refused an order for good; it waits for a manager",
    );
    this.deps.onOrdersChanged([orderId]);
    this.deps.onStatusChanged();
  }

  /** Pulls pages until the server has nothing more; one pull at a time. */
  pullAll(): Promise<void> {
    const next = this.pullChain.then(() => this.pullPages());
    this.pullChain = next.catch(() => undefined);
    return next;
  }

  private async pullPages(): Promise<void> {
    const { store, client, monitor } = this.deps;
    this.pullWanted = false;
    for (;;) {
      const token = store.settings.get("deviceToken");
      if (!token) throw new StationError("NOT_PROVISIONED");
      const cursor = store.settings.get("cursor") ?? 0;
      const signal = this.inFlight.signal;
      const page = await client.pull(token, cursor, this.options.pullLimit, signal);
      if (signal.aborted) throw new ServerLostError("pull answered after the server was lost");
      monitor.reportSuccess();
      const touched = store.transaction(() => {
        const touched = store.orders.applyRemote(page.ops as Op[]);
        if (page.catalog) {
          store.settings.set("catalog", page.catalog);
          store.settings.set("store", page.catalog.store);
        }
        if (page.users) store.credentials.replaceAll(page.users);
        store.settings.set("cursor", page.cursor);
        return touched;
      });
      if (touched.length > 0) this.deps.onOrdersChanged(touched);
      if (!page.more || page.cursor <= cursor) break;
    }
    this.lastPullAt = this.deps.clock.now();
  }

  private goOnline(): void {
    this.mode = "online";
    this.state = "idle";
    this.phase = null;
    this.done = 0;
    this.total = 0;
    this.error = null;
    this.deps.onStatusChanged();
  }

  private setState(state: SyncState): void {
    this.state = state;
    if (state !== "running") this.phase = null;
    this.deps.onStatusChanged();
  }

  private setProgress(phase: SyncPhase, done: number, total: number): void {
    this.phase = phase;
    this.done = done;
    this.total = total;
    this.deps.onStatusChanged();
  }

  private failed(error: unknown): void {
    const { monitor, logger } = this.deps;
    if (
      error instanceof ServerLostError ||
      (error instanceof ServerUnreachableError && error.reason === "aborted")
    ) {
      return; // the monitor already turned the station offline
    }
    if (error instanceof ServerUnreachableError) {
      logger.warn({ reason: error.reason }, "sync request failed");
      if (error.reason === "timeout") monitor.reportLost();
      else monitor.reportFailure();
      if (monitor.reachable) this.later(300);
      return;
    }
    if (error instanceof ServerRejectedError && error.status === 401) {
      logger.error("the server no longer accepts this station's device token; log in online again");
      this.deviceRejected = true;
      this.mode = "offline";
      this.markFailed("DEVICE_REJECTED");
      return;
    }
    const code = error instanceof ServerRejectedError ? error.code : "SYNC_FAILED";
    logger.error({ err: error }, "sync failed");
    if (this.state === "running") this.markFailed(code);
    // A failure that repeats is retried less and less often: 3 s, 6 s, 12 s … up to a minute.
    this.failuresInARow += 1;
    this.later(Math.min(3_000 * 2 ** (this.failuresInARow - 1), 60_000));
  }

  private markFailed(code: string): void {
    this.state = "failed";
    this.error = code;
    this.deps.onStatusChanged();
  }
}
