import { encodePushRequest } from "@quay/protocol";
import type { OutgoingOp } from "../db/order-log.js";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";
import { countOrders } from "../sync/push-batches.js";
import { isolateRefused, isRefusedForGood } from "../sync/refusal-isolation.js";
import { type ServerClient, ServerRejectedError } from "../sync/server-client.js";
import { ServerLostError } from "../sync/sync-failure.js";

/** Ops per push to the hub: small enough that the LAN carries one in a blink. */
export const HUB_PUSH_OPS = 2_000;

export interface HubPusherDeps {
  readonly db: StationDb;
  readonly client: Pick<ServerClient, "push">;
  /** Hears of every push the hub answered. */
  readonly monitor: { reportSuccess(): void };
  readonly logger: Logger;
  /** The hub link's signal: aborted when the hub is lost. */
  signal(): AbortSignal;
}

/**
 * Sends the ops made here that the hub does not hold yet (`at_hub = 0`), open orders first, and
 * marks exactly those of the hub's `held` answer. An order the hub refuses for good is left to
 * the cloud path (its ops stop being owed to the hub), never holding the others back.
 */
export class HubPusher {
  constructor(private readonly deps: HubPusherDeps) {}

  async pushOwed(): Promise<void> {
    for (let round = 0; round < 1_000; round++) {
      const ops = this.deps.db.hubLog.owedToHub(HUB_PUSH_OPS);
      if (ops.length === 0) return;
      try {
        await this.pushOnce(ops);
      } catch (error) {
        if (!isRefusedForGood(error)) throw error;
        await isolateRefused(ops, error, {
          push: (part) => this.pushOnce(part),
          refuse: (orderId, refusal) => this.leaveToCloud(orderId, refusal),
        });
      }
    }
  }

  private async pushOnce(ops: readonly OutgoingOp[]): Promise<number> {
    const { db, client, monitor } = this.deps;
    const token = db.settings.get("hubToken");
    if (!token) throw new StationError("NOT_PROVISIONED", "not registered at the hub");
    const signal = this.deps.signal();
    const body = Buffer.from(encodePushRequest(ops.map((op) => op.body)));
    const answer = await client.push(token, body, signal);
    if (signal.aborted) throw new ServerLostError("hub push answered after the hub was lost");
    monitor.reportSuccess();
    const held = new Set(answer.held);
    const acknowledged = ops.filter((op) => held.has(op.id)).map((op) => op.id);
    if (acknowledged.length === 0) throw new ServerRejectedError(502, "SYNC_NOTHING_HELD");
    db.transaction(() => db.hubLog.markAtHub(acknowledged));
    return countOrders(ops);
  }

  private leaveToCloud(orderId: string, refusal: ServerRejectedError): void {
    this.deps.db.transaction(() => this.deps.db.hubLog.stopOwing(orderId));
    this.deps.logger.warn(
      { orderId, code: refusal.code, status: refusal.status },
      "the hub refused an order for good; it syncs with the cloud only",
    );
  }
}
