import { distinctOps, type Op, type Order, opAfterOwnEnd, sameOp } from "@quay/core";
import { ServerError } from "../../server-errors.js";
import { allIn, get, lockStores, publish, type Script } from "../sql-script.js";
import {
  appendOps,
  foldChecked,
  loadOrderOps,
  OP_ROW_COLUMNS,
  type OpRow,
  opOfRow,
  opsByOrder,
} from "./order-log.js";
import { saveOrderProjections } from "./order-projection.js";
import { pendingAfterPush } from "./pending-after-push.js";
import { checkPushedOps } from "./push-checks.js";
import type { PendingCounts, StationRecord, StoreRecord } from "./records.js";
import { touchStation } from "./stations.js";
import { advanceStoreHead } from "./store-changes.js";

/** Change notices list order ids up to this many; beyond, listeners are told to refetch. */
export const NOTICE_MAX_ORDER_IDS = 100;

export interface PushInput {
  readonly station: StationRecord;
  readonly store: StoreRecord;
  readonly ops: readonly Op[];
  /** The station's unsynced work when it sent this push (this push's orders included). */
  readonly pending: PendingCounts | undefined;
  readonly now: string;
  /** The last op of the push sent before this one (`PushRequestSchema`'s `follows`): held first. */
  readonly follows?: string | undefined;
}

export interface PushResult {
  /** Every pushed op id the server holds now. */
  readonly held: string[];
  readonly cursor: number;
  readonly changedOrders: readonly Order[];
}

/**
 * A station's push (docs/sync-protocol.md, "Push"), all or nothing: stores the ops not held yet,
 * re-folds each order they touch once, records the station's contact. Any op on an order of
 * another store refuses the whole batch.
 */
export function* pushOps(input: PushInput): Script<PushResult> {
  const { store, station } = input;
  const scope = { tenantId: store.tenantId, storeId: store.id };
  yield* lockStores([store.id]);
  if (input.follows !== undefined) {
    const before = yield* get<{ held: number }>("SELECT 1 AS held FROM ops WHERE id = ? AND store_id = ?", [
      input.follows,
      store.id,
    ]);
    if (!before) {
      throw new ServerError(
        "PUSH_OUT_OF_ORDER",
        `op ${input.follows}, which this push follows, is not held yet`,
      );
    }
  }

  const { ops: unique, conflicting } = distinctOps(input.ops);
  if (conflicting) throw conflict(conflicting);

  for (const op of unique) {
    if (op.kind === "open" && op.data.storeId !== store.id) {
      throw new ServerError("FORBIDDEN", `op ${op.id} opens an order in another store`);
    }
  }
  const orderIds = [...new Set(unique.map((op) => op.orderId))];
  const knownOrders = yield* allIn<{ id: string; store_id: string }>(
    "SELECT id, store_id FROM orders WHERE id IN (?*)",
    orderIds,
  );
  for (const order of knownOrders) {
    if (order.store_id !== store.id)
      throw new ServerError("FORBIDDEN", `order ${order.id} is in another store`);
  }

  const { inserted, lastSeq } = yield* appendOps(scope, unique, station.id);
  // Only new ops are checked (a refusal rolls the insert back): a replayed push of ops held
  // already, checked when they came, is still answered as held.
  const fresh = inserted.size === unique.length ? unique : unique.filter((op) => inserted.has(op.id));
  yield* checkPushedOps({ station, store, ops: fresh, nowMs: Date.parse(input.now) });
  if (inserted.size < unique.length) {
    // Ops held already must be this store's too: an id is not a way into another store.
    const heldBefore = yield* allIn<OpRow & { store_id: string }>(
      `SELECT store_id, ${OP_ROW_COLUMNS} FROM ops WHERE id IN (?*)`,
      unique.filter((op) => !inserted.has(op.id)).map((op) => op.id),
    );
    const pushed = new Map(unique.map((op) => [op.id, op]));
    for (const row of heldBefore) {
      if (row.store_id !== store.id) throw new ServerError("FORBIDDEN", `op ${row.id} is in another store`);
      const op = pushed.get(row.id);
      if (op && !sameOp(opOfRow(row), op)) throw conflict(op);
    }
  }

  let changedOrders: Order[] = [];
  let cursor: number;
  if (inserted.size > 0) {
    const known = new Set(knownOrders.map((order) => order.id));
    const insertedByOrder = opsByOrder(unique.filter((op) => inserted.has(op.id)));
    // An order seen before is folded from everything held; a new one only has this batch's ops.
    const storedOps = opsByOrder(
      yield* loadOrderOps([...insertedByOrder.keys()].filter((id) => known.has(id))),
    );
    changedOrders = [...insertedByOrder].map(([orderId, batchOps]) => {
      const ops = known.has(orderId) ? (storedOps.get(orderId) ?? []) : batchOps;
      const order = foldChecked(orderId, ops);
      refuseAfterOwnEnd(ops, inserted);
      return order;
    });
    yield* saveOrderProjections(
      { ...scope, timeZone: store.timeZone, receivedAt: input.now },
      changedOrders,
      known,
    );
    yield* advanceStoreHead(store.id, lastSeq);
    cursor = lastSeq;
    yield* publish({
      ...scope,
      cursor,
      orderIds: changedOrders.length <= NOTICE_MAX_ORDER_IDS ? changedOrders.map((order) => order.id) : null,
      catalog: false,
      users: false,
    });
  } else {
    const head = yield* get<{ head_seq: number }>("SELECT head_seq FROM stores WHERE id = ?", [store.id]);
    cursor = head?.head_seq ?? 0;
  }
  const pending = input.pending && pendingAfterPush(input.pending, unique, changedOrders);
  yield* touchStation(station.id, input.now, pending);
  return { held: unique.map((op) => op.id), cursor, changedOrders };
}

/**
 * Refuses a new op its own device could not have made (the core's `opAfterOwnEnd`): for the
 * pushing station's ops, and for those of each station a hub relays, each judged by its own
 * device's close or void. The refusal names the order and the op, so the station sets that order
 * apart for a manager.
 */
function refuseAfterOwnEnd(ops: readonly Op[], inserted: ReadonlySet<string>): void {
  const isNew = (op: Op) => inserted.has(op.id);
  for (const deviceId of new Set(ops.filter(isNew).map((op) => op.deviceId))) {
    const found = opAfterOwnEnd(deviceId, ops, isNew);
    if (!found) continue;
    throw new ServerError(
      found.code,
      `op ${found.op.id} (${found.op.kind}) after its device's ${found.end.kind}`,
      {
        orderId: found.op.orderId,
        opId: found.op.id,
      },
    );
  }
}

function conflict(op: Op): ServerError {
  return new ServerError("OP_CONFLICT", `op ${op.id} differs from its first copy`, {
    orderId: op.orderId,
    opId: op.id,
  });
}
