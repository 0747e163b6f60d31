import {
  type Actor,
  type IdGenerator,
  type OpDraft,
  type Order,
  type OrderIntent,
  OrderRuleError,
  planChange,
  stampOps,
} from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { get, lockStores, publish, type Script } from "../sql-script.js";
import { appendOps, foldChecked, loadOrderOps } from "./order-log.js";
import { saveOrderProjections } from "./order-projection.js";
import { getOrder } from "./orders.js";
import type { StoreRecord } from "./records.js";
import { nextServerOrderNumber } from "./server-order-numbers.js";
import { advanceStoreHead } from "./store-changes.js";

export interface ServerOpContext {
  readonly store: StoreRecord;
  readonly orderId: string;
  /** `web-<session id>`: the phone or back-office session making the change. */
  readonly deviceId: string;
  readonly actor: Actor;
  readonly nowMs: number;
  readonly newId: IdGenerator;
}

/**
 * A change for phones and the back office, in one transaction: the core's `planChange` decides
 * what the intent means and whether the caller may (the same rules as at the counter), then
 * `recordServerOps` stores it. `intentFor` sees the order as the server holds it (null: none yet).
 */
export function* changeOnServer(
  context: ServerOpContext,
  intentFor: (order: Order | null) => OrderIntent,
): Script<OrderView> {
  return yield* recordServerOps(context, (order) => {
    const rules = { discountLimits: context.store.discountLimits };
    const plan = planChange(order, intentFor(order), context.actor, rules);
    if (!plan.ok) throw new OrderRuleError(plan.code);
    return plan.drafts;
  });
}

/**
 * Stores ops on the server in one transaction: reads the order, takes the drafts, checks each
 * with the core's `validateOp` against the fold so far (a refusal stores nothing), appends them
 * to the same log stations push to. Callers have checked who may make them.
 */
export function* recordServerOps(
  context: ServerOpContext,
  draftsFor: (order: Order | null) => readonly OpDraft[],
): Script<OrderView> {
  const { store, orderId } = context;
  yield* lockStores([store.id]);
  const projected = yield* get<{ store_id: string }>("SELECT store_id FROM orders WHERE id = ?", [orderId]);
  if (projected && projected.store_id !== store.id) throw new ServerError("NOT_FOUND", `order ${orderId}`);

  const held = projected ? yield* loadOrderOps([orderId]) : [];
  const drafts = draftsFor(held.length > 0 ? foldChecked(orderId, held) : null);
  if (drafts.length === 0) {
    // Nothing to do (a retried request that already took effect): answer the order as it is.
    const current = held.length > 0 ? yield* getOrder(orderId) : undefined;
    if (!current) throw new Error("an op plan must make at least one op on a new order");
    return current.view;
  }

  const lastDeviceSeq = yield* takeDeviceSeqs(store.tenantId, context.deviceId, drafts.length);
  const stamped = stampOps(orderId, held, drafts, {
    deviceId: context.deviceId,
    userId: context.actor.userId,
    firstSeq: lastDeviceSeq - drafts.length + 1,
    nowMs: context.nowMs,
    newId: context.newId,
  });
  if (!stamped.ok) throw new OrderRuleError(stamped.code);
  const ops = [...held, ...stamped.ops];
  const order = foldChecked(orderId, ops);

  const scope = { tenantId: store.tenantId, storeId: store.id };
  const { lastSeq } = yield* appendOps(scope, stamped.ops);
  yield* saveOrderProjections(
    { ...scope, timeZone: store.timeZone, receivedAt: new Date(context.nowMs).toISOString() },
    [order],
    projected ? new Set([orderId]) : new Set(),
  );
  yield* advanceStoreHead(store.id, lastSeq);
  yield* publish({ ...scope, cursor: lastSeq, orderIds: [orderId], catalog: false, users: false });
  const saved = yield* getOrder(orderId);
  if (!saved) throw new Error("order vanished while being saved");
  return saved.view;
}

/** Takes `count` consecutive deviceSeq values for a server-side device; returns the last. */
function* takeDeviceSeqs(tenantId: string, deviceId: string, count: number): Script<number> {
  const row = yield* get<{ last: number }>(
    `INSERT INTO device_counters (tenant_id, device_id, last) VALUES (?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET last = device_counters.last + excluded.last RETURNING last`,
    [tenantId, deviceId, count],
  );
  return row?.last ?? count;
}

/**
 * Opens an order on the server with the store's next `W` number. Opening an order id that is
 * open already answers that order: a phone retrying an open it could not confirm gets one order.
 */
export function* openServerOrder(context: ServerOpContext, tableId: string | null): Script<OrderView> {
  const { store } = context;
  yield* lockStores([store.id]);
  const existing = yield* getOrder(context.orderId);
  if (existing) {
    if (existing.storeId !== store.id) throw new ServerError("ALREADY_EXISTS", `order ${context.orderId}`);
    return existing.view;
  }
  const number = yield* nextServerOrderNumber(store, context.nowMs);
  return yield* changeOnServer(context, () => ({ kind: "open", number, tableId, storeId: store.id }));
}
