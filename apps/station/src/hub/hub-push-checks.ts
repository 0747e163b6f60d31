import type { Op, Role } from "@quay/core";
import { foldOrder, judgePushRights, MAX_AMOUNT, pushedNumbers } from "@quay/core";
import { MAX_OP_AHEAD_MS } from "@quay/protocol";
import type { StationDb, StationIdentity } from "../db/station-db.js";
import { StationError, type StationErrorCode } from "../errors.js";

export interface HubPushCheck {
  readonly db: StationDb;
  readonly identity: StationIdentity;
  /** The spoke pushing. */
  readonly spokeId: string;
  /** The ops of the push the hub does not hold yet. */
  readonly fresh: readonly Op[];
  readonly nowMs: number;
}

/**
 * A hub trusts a spoke no more than the cloud trusts a station (apps/server/src/storage/scripts/
 * push-checks.ts), with the rules it can judge from what it holds: each new op is the pushing
 * spoke's own, opens no order of another store, is not stamped beyond the hub's clock, passes
 * core's rights rules (`judgePushRights`), and opens no order under a number another order holds. The first op at fault refuses the push, naming its order and op. What the hub cannot
 * judge (how long before the spoke's registration an op may be stamped) the cloud judges on relay.
 */
export function checkSpokeOps(check: HubPushCheck): void {
  const { db, identity, spokeId, fresh, nowMs } = check;
  const refuse = (code: StationErrorCode, op: Op, detail: string) =>
    new StationError(code, `op ${op.id}: ${detail}`, { orderId: op.orderId, opId: op.id });
  const activeRole = (userId: string | undefined): Role | null => {
    const entry = userId === undefined ? null : db.credentials.findByUserId(userId);
    return entry?.active ? entry.role : null;
  };
  for (const op of fresh) {
    if (op.deviceId !== spokeId) throw refuse("OP_WRONG_DEVICE", op, `made by ${op.deviceId}`);
    if (op.kind === "open" && op.data.storeId !== identity.store.id)
      throw refuse("FORBIDDEN", op, "opens an order in another store");
    if (!(Date.parse(op.at) <= nowMs + MAX_OP_AHEAD_MS)) throw refuse("OP_TIME_OUT_OF_RANGE", op, op.at);
  }
  const rights = judgePushRights(fresh, activeRole, identity.store.discountLimits);
  const fault =
    rights.fault ?? rights.judge([...rights.orderIds].flatMap((orderId) => db.orders.opsOf(orderId)));
  if (fault) throw refuse(fault.code, fault.op, fault.detail);
  checkNumbersAreNew(db, fresh, (op) => refuse("NUMBER_TAKEN", op, "number taken"));
}

/** Invoice numbers are unique: an order opened with another order's number is refused. */
function checkNumbersAreNew(db: StationDb, ops: readonly Op[], refuse: (op: Op) => Error): void {
  const byNumber = pushedNumbers(ops, refuse);
  if (byNumber.size === 0) return;
  for (const [number, orderId] of db.hubLog.ordersNumbered([...byNumber.keys()])) {
    const op = byNumber.get(number);
    if (op && op.orderId !== orderId) throw refuse(op);
  }
}

/** The core's money range on an order a push leaves (the cloud refuses beyond it as well). */
export function checkFoldInRange(orderId: string, ops: readonly Op[]): void {
  try {
    const order = foldOrder(orderId, ops);
    if (order.subtotal <= MAX_AMOUNT && order.paid <= MAX_AMOUNT) return;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  throw new StationError("VALIDATION_FAILED", `order ${orderId}: amounts out of range`, { orderId });
}
