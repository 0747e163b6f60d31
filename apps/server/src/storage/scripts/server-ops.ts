import {
  formatInvoiceNumber,
  type IdGenerator,
  localDate,
  type Op,
  type OpData,
  type OpKind,
  type Order,
  OrderRuleError,
  validateOp,
} from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { get, lockStores, publish, type Script } from "../sql-script.js";
import { appendOps, foldChecked, loadOrderOps } from "./order-log.js";
import { saveOrderProjections } from "./order-projection.js";
import { getOrder } from "./orders.js";
import type { StoreRecord } from "./records.js";
import { advanceStoreHead } from "./store-changes.js";

/** An op the server is about to make: its kind and data; the envelope is filled in here. */
export type OpDraft = { [K in OpKind]: { kind: K; data: OpData[K] } }[OpKind];

export interface ServerOpContext {
  readonly store: StoreRecord;
  readonly orderId: string;
  /** `web-<session id>`: the phone or back-office session making the change. */
  readonly deviceId: string;
  readonly userId: string;
  readonly nowMs: number;
  readonly newId: IdGenerator;
}

/** Decides the ops to make from the order as the server holds it (null: no such order yet). */
export type OpPlan = (order: Order | null) => readonly OpDraft[];

/**
 * Makes ops on the server for phones and the back office, in one transaction: reads the order,
 * plans the ops, checks each with the core's `validateOp` against the fold so far (a refusal
 * throws `OrderRuleError` and stores nothing), appends them to the same log stations push to.
 */
export function* makeServerOps(context: ServerOpContext, plan: OpPlan): Script<OrderView> {
  const { store, orderId } = context;
  yield* lockStores([store.id]);
  const projected = yield* get<{ store_id: string }>("SELECT store_id FROM orders WHERE id = ?", [orderId]);
  if (projected && projected.store_id !== store.id) throw new ServerError("NOT_FOUND", `order ${orderId}`);

  const held = projected ? yield* loadOrderOps([orderId]) : [];
  let order = held.length > 0 ? foldChecked(orderId, held) : null;
  const drafts = plan(order);
  if (drafts.length === 0) {
    // Nothing to do (a retried request that already took effect): answer the order as it is.
    const current = order ? yield* getOrder(orderId) : undefined;
    if (!current) throw new Error("an op plan must make at least one op on a new order");
    return current.view;
  }

  const lastDeviceSeq = yield* takeDeviceSeqs(store.tenantId, context.deviceId, drafts.length);
  // Never before what the caller has seen: a station clock running ahead must not win over a
  // change made after looking at its ops (fields are last-writer-wins by op time).
  const seen = order?.updatedAt ? Date.parse(order.updatedAt) + 1 : 0;
  const at = new Date(Math.max(context.nowMs, seen)).toISOString();
  const made: Op[] = [];
  drafts.forEach((draft, index) => {
    const op = {
      ...draft,
      id: context.newId(),
      orderId,
      deviceId: context.deviceId,
      deviceSeq: lastDeviceSeq - drafts.length + 1 + index,
      at,
      userId: context.userId,
    } as Op;
    const verdict = validateOp(order, op);
    if (!verdict.ok) throw new OrderRuleError(verdict.code);
    made.push(op);
    order = foldChecked(orderId, [...held, ...made]);
  });
  if (!order) throw new Error("unreachable: a fold after ops exists");

  const scope = { tenantId: store.tenantId, storeId: store.id };
  const { lastSeq } = yield* appendOps(scope, made);
  yield* saveOrderProjections(
    { ...scope, timeZone: store.timeZone, receivedAt: new Date(context.nowMs).toISOString(), seq: lastSeq },
    [{ order, ops: [...held, ...made] }],
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

/** The next number for an order opened on the server: `STORE-W-YYYYMMDD-NNNN`, per store and local day. */
export function* nextServerOrderNumber(store: StoreRecord, nowMs: number): Script<string> {
  const day = localDate(nowMs, store.timeZone);
  const row = yield* get<{ last: number }>(
    `INSERT INTO order_counters (tenant_id, store_id, day, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (store_id, day) DO UPDATE SET last = order_counters.last + 1 RETURNING last`,
    [store.tenantId, store.id, day],
  );
  return formatInvoiceNumber({
    storeCode: store.code,
    stationCode: "W",
    epochMs: nowMs,
    sequence: row?.last ?? 1,
    timeZone: store.timeZone,
  });
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
  return yield* makeServerOps(context, () => [
    { kind: "open", data: { number, tableId, storeId: store.id } },
  ]);
}
