import type { Clock } from "@quay/core";
import { MAX_PUSH_SHIFT_OPS } from "@quay/protocol";
import type { ClosedKey, OutgoingOp } from "../db/order-log.js";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import { chunkByOrder, countOrders, pushBody, pushBodyInSlices, refusedReport } from "./push-batches.js";
import { isOutOfOrder, isolateRefused, isRefusedForGood } from "./refusal-isolation.js";
import { type PushResponse, type ServerClient, ServerRejectedError } from "./server-client.js";
import { ServerLostError } from "./sync-failure.js";
import type { Timers } from "./timers.js";
import { nextSlice, READ_SLICE_ORDERS, SLICE_OPS, slicesByOrder } from "./work-slices.js";

export interface PusherDeps {
  readonly db: StationDb;
  readonly client: Pick<ServerClient, "push">;
  /** Hears of every push the server answered. */
  readonly monitor: { reportSuccess(): void };
  readonly clock: Clock;
  readonly timers: Timers;
  readonly logger: Logger;
  /** The link's signal: aborted when the server is lost, and every push on its way with it. */
  signal(): AbortSignal;
  /** The server held what a push carried. */
  onAcknowledged(): void;
  /** Orders set apart as refused (committed). */
  onOrdersChanged(orderIds: readonly string[]): void;
  onStatusChanged(): void;
  /** Closed orders per push while catching up on the paid backlog. */
  readonly paidBatchOrders: number;
  /** Pushes of the paid backlog on their way at once, besides the one being answered. */
  readonly pushesInFlight: number;
}

/** A push ready to go: its ops, how many orders they are, and its body. */
interface PreparedPush {
  readonly ops: readonly OutgoingOp[];
  readonly orders: number;
  readonly body: Uint8Array;
  /** The refused orders it reports (JSON). */
  readonly refusals: string;
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

/**
 * Sends the station's unsynced ops: open orders, and closed ones oldest first in a pipeline. An
 * op is marked synced only from the `held` answer to the push that carried it; orders the server
 * refuses for good are set apart (`isolateRefused`) and never hold the others back.
 */
export class SyncPusher {
  /** The refused orders the server last heard of from this station (JSON); null: none since start. */
  private reportedRefusals: string | null = null;

  constructor(private readonly deps: PusherDeps) {}

  /**
   * Tells the server (with a push of no ops) which orders wait for a manager here, when that
   * changed since it last heard and no push carried it: an order set apart as the last thing
   * pending would otherwise stay unknown to the back office.
   */
  async reportRefusals(): Promise<void> {
    const current = JSON.stringify(refusedReport(this.deps.db.refused.list()));
    if (current === (this.reportedRefusals ?? "[]")) return;
    await this.pushOps([], true);
  }

  /**
   * Pushes the counter's unsynced shift ops (docs/sync-protocol.md, "Shifts"), oldest first, in
   * pushes of their own; each is marked synced only from the `held` answer that names it.
   */
  async pushShifts(): Promise<void> {
    const { db } = this.deps;
    for (let round = 0; round < 100; round++) {
      const shiftOps = db.shifts.unsynced(MAX_PUSH_SHIFT_OPS);
      if (shiftOps.length === 0) return;
      const pending = db.orders.pendingCounts();
      const report = refusedReport(db.refused.list());
      const body = Buffer.from(pushBody([], pending, report, shiftOps));
      const answer = await this.send({ ops: [], orders: 0, body, refusals: JSON.stringify(report) }).answer;
      const held = new Set(answer.held);
      if (!shiftOps.some((op) => held.has(op.id))) throw new ServerRejectedError(502, "SYNC_NOTHING_HELD");
      this.deps.monitor.reportSuccess();
      this.deps.onAcknowledged();
      db.transaction(() => {
        db.shifts.markSynced(shiftOps, held);
        db.settings.set("lastSyncAt", new Date(this.deps.clock.now()).toISOString());
      });
      this.deps.onStatusChanged();
    }
  }

  /** Pushes the unsynced ops of every open order, again while the cashier adds more. */
  async pushOpen(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const ops = this.deps.db.orders.openOutgoing();
      if (ops.length === 0) return;
      await this.pushOps(ops);
    }
  }

  /**
   * Pushes the closed (paid or void) orders oldest first, in batches of `paidBatchOrders`, so that
   * the server always has the next batch in hand: as soon as it answers one, the next one goes
   * (read and serialised beforehand), and only once its body is on the wire does the station mark
   * the answered batch synced and read the one after. With `pushesInFlight` above 1, that many
   * pushes travel at once, each naming the last op of the one before it (`follows`): the server
   * refuses one that overtook its predecessor, and it is sent again once that one is answered,
   * so batches are stored in the order they were sent. They are acknowledged in that order, each
   * from its own `held` answer only: a crash or a lost link at any point leaves ops unmarked, and
   * the next pass pushes them again (the server keeps ops by id, nothing doubles).
   */
  async pushClosed(progress: (acknowledgedOrders: number) => void = () => undefined): Promise<void> {
    const { pushesInFlight } = this.deps;
    for (let pass = 0; pass < 100; pass++) {
      const inFlight: Push[] = [];
      /** The next batch after `after`, serialised ahead of its turn when it fits one push. */
      const read = async (after: ClosedKey | null): Promise<NextBatch> => {
        const batch = await this.readClosed(after);
        if (batch.ops.length === 0 || chunkByOrder(batch.ops).length > 1)
          return { ...batch, push: undefined };
        // The station's pending count leaves out the orders already on their way; the server
        // stores this push only after the last of them (`follows`).
        const onTheirWay = inFlight.reduce((sum, push) => sum + push.orders, 0);
        const follows = inFlight.at(-1)?.ops.at(-1)?.id;
        return { ...batch, push: await this.prepare(batch.ops, onTheirWay, follows) };
      };
      const end: NextBatch = { ops: [], last: null, push: undefined };
      let next = await read(null);
      if (next.ops.length === 0) return;
      /** Sends the next batch and reads the one after; false when it must go alone (too big). */
      const sendNext = async (): Promise<boolean> => {
        if (!next.push) return false;
        const push = this.send(next.push);
        inFlight.push(push);
        await push.sent; // the station's own work below must not hold the body back
        await this.nextTurn(); // and what is due goes first: a status update, a cashier's call
        next = next.last ? await read(next.last) : end;
        return true;
      };
      while (next.ops.length > 0 || inFlight.length > 0) {
        if (next.ops.length > 0 && inFlight.length < pushesInFlight) {
          if (await sendNext()) continue;
          // Orders too big for one push: push them alone, once the pushes in flight are answered.
          for (const push of inFlight.splice(0)) progress(await this.settle(push.ops, push.answer));
          progress(await this.pushOps(next.ops));
          next = next.last ? await read(next.last) : end;
          continue;
        }
        const oldest = inFlight[0];
        if (!oldest) continue;
        const answer = await oldest.answer.catch((error: unknown) => {
          if (isOutOfOrder(error)) return "again" as const;
          if (isRefusedForGood(error)) return null; // settled below, once it leaves the pipeline
          throw error;
        });
        if (answer === "again") {
          // It overtook the push before it, answered by now: sent again, alone, before the next.
          inFlight.shift();
          progress(await this.pushOps(oldest.ops));
          continue;
        }
        if (next.ops.length > 0 && inFlight.length <= pushesInFlight) await sendNext();
        inFlight.shift();
        progress(
          answer ? await this.acknowledge(oldest.ops, answer) : await this.settle(oldest.ops, oldest.answer),
        );
      }
    }
  }

  /**
   * Pushes ops in as few requests as the size limit allows; returns the orders acknowledged.
   * `evenIfNone`: a push goes even without ops (a report of the pending work).
   */
  async pushOps(ops: readonly OutgoingOp[], evenIfNone = false): Promise<number> {
    let acknowledged = 0;
    const chunks = chunkByOrder(ops);
    if (chunks.length === 0 && evenIfNone) chunks.push([]);
    for (const chunk of chunks) {
      acknowledged += await this.settle(chunk, this.send(await this.prepare(chunk)).answer);
    }
    return acknowledged;
  }

  /**
   * The next batch of `paidBatchOrders` closed orders after `after`, its ops read a slice of
   * orders at a time (`READ_SLICE_ORDERS`), the event loop free between two slices.
   */
  private async readClosed(after: ClosedKey | null): Promise<{ ops: OutgoingOp[]; last: ClosedKey | null }> {
    const orders = this.deps.db.orders;
    const { orderIds, last } = orders.closedBatch(this.deps.paidBatchOrders, after);
    const ops: OutgoingOp[] = [];
    for (let start = 0; start < orderIds.length; start += READ_SLICE_ORDERS) {
      if (start > 0) await nextSlice();
      ops.push(...orders.unsyncedOfOrders(orderIds.slice(start, start + READ_SLICE_ORDERS)));
    }
    return { ops: orders.withSplitCompanions(ops), last };
  }

  /** Resolves once the event loop has run the timers and I/O that are due. */
  private nextTurn(): Promise<void> {
    return new Promise((resolve) => this.deps.timers.setTimeout(resolve, 0));
  }

  /**
   * Serialises a push of `ops` (at most MAX_PUSH_OPS), a slice of ops at a time with the event
   * loop free in between. `onTheirWay` closed orders, sent in pushes not acknowledged yet, are
   * left out of the pending count it reports; `follows` is the last op of the push before it.
   */
  private async prepare(ops: readonly OutgoingOp[], onTheirWay = 0, follows?: string): Promise<PreparedPush> {
    const { orders, refused } = this.deps.db;
    const pending = orders.pendingCounts();
    pending.paidOrders = Math.max(0, pending.paidOrders - onTheirWay);
    const report = refusedReport(refused.list());
    return {
      ops,
      orders: countOrders(ops),
      body: await pushBodyInSlices(ops, pending, report, SLICE_OPS, nextSlice, follows),
      refusals: JSON.stringify(report),
    };
  }

  /** Sends a prepared push; the caller acknowledges the answer. */
  private send(prepared: PreparedPush): Push {
    const { db, client } = this.deps;
    const { ops, orders } = prepared;
    const token = db.settings.get("deviceToken");
    if (!token) {
      const refused = Promise.reject(new StationError("NOT_PROVISIONED"));
      refused.catch(() => undefined);
      return { ops, orders, answer: refused, sent: Promise.resolve() };
    }
    const signal = this.deps.signal();
    const started = performance.now();
    let bodySent = () => {};
    const sending = new Promise<void>((resolve) => {
      bodySent = resolve;
    });
    const answer = client.push(token, prepared.body, signal, bodySent).then((response) => {
      if (signal.aborted) throw new ServerLostError("push answered after the server was lost");
      this.reportedRefusals = prepared.refusals; // the server recorded them with the push
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

  /**
   * Marks what the server holds as synced, a slice of orders per transaction with the event loop
   * free between two (a crash between them leaves the rest unsynced: pushed again, held once);
   * returns the number of orders the push touched.
   */
  private async acknowledge(ops: readonly OutgoingOp[], answer: PushResponse): Promise<number> {
    const { db, monitor } = this.deps;
    const started = performance.now();
    monitor.reportSuccess();
    const held = new Set(answer.held);
    if (ops.length > 0 && !ops.some((op) => held.has(op.id)))
      throw new ServerRejectedError(502, "SYNC_NOTHING_HELD");
    this.deps.onAcknowledged();
    const now = new Date(this.deps.clock.now()).toISOString();
    const touched = new Set<string>();
    const slices = slicesByOrder(ops);
    for (const [index, slice] of slices.entries()) {
      if (index > 0) await nextSlice();
      db.transaction(() => {
        for (const orderId of db.orders.markSynced(slice, held)) touched.add(orderId);
        if (index === slices.length - 1) db.settings.set("lastSyncAt", now);
      });
    }
    if (slices.length === 0) db.settings.set("lastSyncAt", now);
    this.deps.onStatusChanged();
    this.deps.logger.debug(
      { orders: touched.size, ms: Math.round(performance.now() - started) },
      "push acknowledged",
    );
    return touched.size;
  }

  /**
   * Acknowledges a push's answer. A push the server refused for good never blocks the rest: the
   * orders at fault are found (`isolateRefused`), set apart for a manager, and the others synced.
   */
  private async settle(ops: readonly OutgoingOp[], answer: Promise<PushResponse>): Promise<number> {
    try {
      return await this.acknowledge(ops, await answer);
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      return isolateRefused(ops, error, {
        push: async (part) => this.acknowledge(part, await this.send(await this.prepare(part)).answer),
        refuse: (orderId, refusal) => this.refuse(orderId, refusal),
      });
    }
  }

  /** Sets an order the server refused for good apart: shown to the cashier, left for a manager. */
  private refuse(orderId: string, refusal: ServerRejectedError): void {
    const at = new Date(this.deps.clock.now()).toISOString();
    const { opId } = refusal.about;
    this.deps.db.refused.refuse(orderId, {
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
}
