import { type Clock, distinctOps, type Op, opAfterOwnEnd, sameOp } from "@quay/core";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { checkFoldInRange, checkSpokeOps } from "./hub-push-checks.js";

export interface IntakeResult {
  /** Every pushed op id the hub now holds (new or held before): the spoke marks exactly these. */
  readonly held: string[];
  /** The hub's head after the push. */
  readonly cursor: number;
  /** Orders that took new ops (committed). */
  readonly touched: string[];
}

/**
 * A spoke's push at its hub (docs/sync-protocol.md, "The hub tier"), all or nothing, in one
 * durable transaction: ops held already must be the same ops (else 409 OP_CONFLICT), new ones
 * pass `checkSpokeOps`, are stored unsynced (so the hub relays them to the cloud) and their
 * orders re-folded. A refused push changes nothing.
 */
export class HubIntake {
  constructor(
    private readonly db: StationDb,
    /** The hub's best time (its clock corrected by the cloud's). */
    private readonly clock: Clock,
  ) {}

  accept(spokeId: string, pushed: readonly Op[]): IntakeResult {
    const { db } = this;
    const identity = db.identity();
    if (!identity) throw new StationError("NOT_PROVISIONED", "a hub must have synced once");
    const { ops: unique, conflicting } = distinctOps(pushed);
    if (conflicting) throw conflict(conflicting);
    return db.transaction(
      () => {
        const stored = db.hubLog.storedBodies(unique.map((op) => op.id));
        for (const op of unique) {
          const body = stored.get(op.id);
          if (body !== undefined && !sameOp(JSON.parse(body), op)) throw conflict(op);
        }
        const fresh = unique.filter((op) => !stored.has(op.id));
        checkSpokeOps({ db, identity, spokeId, fresh, nowMs: this.clock.now() });
        // A spoke's own ops are its to print; a phone's relayed through here are this hub's.
        db.ticketRecorder.record(fresh);
        for (const op of fresh) db.hubLog.storeRelayed(op);
        const touched = [...new Set(fresh.map((op) => op.orderId))];
        const isNew = (op: Op) => !stored.has(op.id);
        for (const orderId of touched) {
          const ops = db.orders.opsOf(orderId);
          checkFoldInRange(orderId, ops);
          // No line after the spoke's own close, as the cloud checks (the core's rule).
          const late = opAfterOwnEnd(spokeId, ops, isNew);
          if (late) {
            throw new StationError(late.code, `op ${late.op.id} after its device's ${late.end.kind}`, {
              orderId,
              opId: late.op.id,
            });
          }
          db.orders.refold(orderId);
        }
        return { held: unique.map((op) => op.id), cursor: db.hubLog.head(), touched };
      },
      { durable: true },
    );
  }
}

function conflict(op: Op): StationError {
  return new StationError("OP_CONFLICT", `op ${op.id} differs from its first copy`, {
    orderId: op.orderId,
    opId: op.id,
  });
}
