import {
  type Actor,
  authorize,
  type Clock,
  dong,
  formatInvoiceNumber,
  type IdGenerator,
  localDate,
  type OpDraft,
  type Order,
  type OrderIntent,
  OrderRuleError,
  type PaymentMethod,
  planChange,
  planMerge,
  replayChecked,
  stampOps,
} from "@quay/core";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";

export interface OrderServiceDeps {
  db: StationDb;
  clock: Clock;
  newId: IdGenerator;
  /** Called after the change committed (never inside the transaction). */
  onOrderChanged: (order: Order) => void;
  /** Throws to refuse a payment (no open cash shift where the store asks for one). */
  beforePayment?: () => void;
}

/**
 * The cashier's actions on orders: a thin adapter over the core's `planChange` and `stampOps`,
 * which decide who may do what and what it means. Each action reads the order, plans and checks
 * its ops, appends them and rewrites the order's projection in ONE synchronous SQLite
 * transaction, then answers. Nothing here touches the network: the sync engine picks the ops up
 * from the outbox later.
 */
export class OrderService {
  private lastSeq: number | undefined;

  constructor(private readonly deps: OrderServiceDeps) {}

  /** Opens an order numbered by this station; an `orderId` it holds already answers that order. */
  create(actor: Actor, tableId: string | null, orderId: string = this.deps.newId()): Order {
    if (tableId !== null && !this.deps.db.findTable(tableId)) throw new StationError("NOT_FOUND", "table");
    const identity = this.requireIdentity();
    const existing = this.deps.db.orders.getOrder(orderId);
    if (existing) return existing;
    return this.change(actor, orderId, () => {
      const now = this.deps.clock.now();
      const timeZone = identity.store.timeZone;
      const sequence = this.deps.db.invoiceCounter.next(localDate(now, timeZone));
      const number = formatInvoiceNumber({
        storeCode: identity.store.code,
        stationCode: identity.stationCode,
        epochMs: now,
        sequence,
        timeZone,
      });
      return { kind: "open", number, tableId, storeId: identity.store.id };
    });
  }

  addLine(
    actor: Actor,
    orderId: string,
    input: { itemId: string; quantity: number; note?: string | undefined; lineId?: string | undefined },
  ): Order {
    const item = this.deps.db.findItem(input.itemId);
    if (!item) throw new StationError("NOT_FOUND", "item");
    if (!item.active) throw new StationError("ITEM_UNAVAILABLE");
    const lineId = input.lineId ?? this.deps.newId();
    return this.change(actor, orderId, () => ({
      kind: "addLine",
      lineId,
      // Sold out here ("hết món"): core's plan refuses it (ITEM_SOLD_OUT), as on the cloud.
      item: {
        id: item.id,
        name: item.name,
        price: dong(item.price),
        vatRate: item.vatRate,
        soldOut: item.soldOut,
      },
      quantity: input.quantity,
      note: input.note ? input.note : null,
    }));
  }

  setQuantity(actor: Actor, orderId: string, lineId: string, quantity: number, reason: string | null = null) {
    return this.change(actor, orderId, () => ({ kind: "setQuantity", lineId, quantity, reason }));
  }

  voidLine(actor: Actor, orderId: string, lineId: string, reason: string): Order {
    return this.change(actor, orderId, () => ({ kind: "voidLine", lineId, reason }));
  }

  discount(actor: Actor, orderId: string, amount: number, reason: string | null): Order {
    return this.change(actor, orderId, () => ({ kind: "discount", amount: dong(amount), reason }));
  }

  move(actor: Actor, orderId: string, tableId: string | null): Order {
    if (tableId !== null && !this.deps.db.findTable(tableId)) throw new StationError("NOT_FOUND", "table");
    return this.change(actor, orderId, () => ({ kind: "moveTable", tableId }));
  }

  /** Records a payment; once payments cover the total the order is closed in the same transaction. */
  pay(actor: Actor, orderId: string, method: PaymentMethod, amount: number, paymentId?: string): Order {
    this.deps.beforePayment?.();
    const id = paymentId ?? this.deps.newId();
    const intent = { kind: "pay", paymentId: id, method, amount: dong(amount) } as const;
    return this.change(actor, orderId, () => intent, true);
  }

  /**
   * Merges the open order `fromId` into the open order `intoId` as the core plans it
   * (`planMerge`, the same ops as on the cloud), both orders in one transaction; answers the
   * order merged into.
   */
  merge(actor: Actor, fromId: string, intoId: string): Order {
    const db = this.deps.db;
    const [into] = this.recording(
      (record) => {
        const [from, target] = [db.orders.getOrder(fromId), db.orders.getOrder(intoId)];
        if (!from) throw new StationError("NOT_FOUND", "order");
        if (!target) throw new StationError("NOT_FOUND", "order to merge into");
        const plan = planMerge(from, target, actor, this.deps.newId);
        if (!plan.ok) throw new OrderRuleError(plan.code);
        const merged = plan.into.length === 0 ? target : record(intoId, plan.into);
        return [merged, record(fromId, plan.from)];
      },
      actor,
      true, // the emptied order is voided: a sale ended
    );
    if (!into) throw new Error("a merge answers the order merged into");
    return into;
  }

  /**
   * Gives money back on a paid order, in whole or for `lineIds`; `refundId` (the client's, where
   * it sends one) makes a retry refund once. Money changed hands: durable.
   */
  refund(
    actor: Actor,
    orderId: string,
    input: {
      amount: number;
      method: PaymentMethod;
      reason: string;
      lineIds?: readonly string[] | undefined;
      refundId?: string | undefined;
    },
  ): Order {
    const refundId = input.refundId ?? this.deps.newId();
    const { method, reason, lineIds } = input;
    const intent = { kind: "refund", refundId, amount: dong(input.amount), method, reason, lineIds } as const;
    return this.change(actor, orderId, () => intent, true);
  }

  /** The kitchen or bar made these lines (the kitchen screen's "Xong"): an op like any other, synced once. */
  markReady(actor: Actor, orderId: string, lineIds: readonly string[]): Order {
    return this.change(actor, orderId, () => ({ kind: "markReady", lineIds }));
  }

  voidOrder(actor: Actor, orderId: string, reason: string): Order {
    return this.change(actor, orderId, () => ({ kind: "voidOrder", reason }), true);
  }

  /**
   * A manager's answer to an order the server refused for good: the changes the core's rules
   * refuse now are set aside (kept for the record, with what stood only on them), and the order
   * syncs again; with `voidReason` it is voided as well.
   */
  resolveRefusal(actor: Actor, orderId: string, voidReason: string | null): Order {
    const db = this.deps.db;
    const found = db.orders.getOrder(orderId);
    if (!found) throw new StationError("NOT_FOUND", "order");
    if (!found.refusal) throw new StationError("ORDER_NOT_REFUSED");
    const allowed = authorize(actor, "orders.review");
    if (!allowed.ok) throw new OrderRuleError(allowed.code);
    const at = new Date(this.deps.clock.now()).toISOString();
    const order = db.transaction(
      () => {
        const unsynced = new Set(db.orders.unsyncedOf(orderId).map((op) => op.id));
        const held = db.orders.opsOf(orderId);
        // The op the server named, then every change the core's rules refuse without it.
        const named = held.filter((op) => op.id === found.refusal?.opId && unsynced.has(op.id));
        const rest = held.filter((op) => !named.includes(op));
        const { refused } = replayChecked(orderId, rest, (op) => unsynced.has(op.id));
        const setAside = [
          ...named.map((op) => ({ op, reason: found.refusal?.code ?? "REFUSED" })),
          ...refused.map(({ op, code }) => ({ op, reason: code })),
        ];
        db.refused.resolve(orderId, setAside, allowed.approvedBy ?? actor.userId, at);
        return db.orders.refold(orderId);
      },
      { durable: true },
    );
    if (voidReason !== null && order.status !== "void") return this.voidOrder(actor, orderId, voidReason);
    this.deps.onOrderChanged(order);
    return order;
  }

  private requireIdentity() {
    const identity = this.deps.db.identity();
    if (!identity) throw new StationError("NOT_PROVISIONED");
    return identity;
  }

  /** Plans, checks and records the ops of one intent in one transaction; a refusal stores nothing. */
  private change(
    actor: Actor,
    orderId: string,
    intentFor: () => OrderIntent,
    /** Money changed hands or a sale ended: fsync before the cashier is answered. */
    durable = false,
  ): Order {
    const db = this.deps.db;
    const [order] = this.recording(
      (record) => {
        const held = db.orders.opsOf(orderId);
        const intent = intentFor();
        if (held.length === 0 && intent.kind !== "open") throw new StationError("NOT_FOUND", "order");
        const current = held.length > 0 ? db.orders.getOrder(orderId) : null;
        const plan = planChange(current, intent, actor);
        if (!plan.ok) throw new OrderRuleError(plan.code);
        if (plan.drafts.length === 0 && current) return [current]; // a retry that already took effect
        return [record(orderId, plan.drafts)];
      },
      actor,
      durable,
    );
    if (!order) throw new Error("a change answers its order");
    return order;
  }

  /**
   * Runs `plan` in one transaction, giving it `record`, which stamps drafts on one order as this
   * station's next ops and appends them; tells of every order answered once committed.
   */
  private recording(
    plan: (record: (orderId: string, drafts: readonly OpDraft[]) => Order) => Order[],
    actor: Actor,
    durable: boolean,
  ): Order[] {
    const { stationId } = this.requireIdentity();
    const db = this.deps.db;
    let seq = this.lastSeq ?? db.orders.lastDeviceSeq(stationId);
    const record = (orderId: string, drafts: readonly OpDraft[]) => {
      const stamped = stampOps(orderId, db.orders.opsOf(orderId), drafts, {
        deviceId: stationId,
        userId: actor.userId,
        firstSeq: seq + 1,
        nowMs: this.deps.clock.now(),
        newId: this.deps.newId,
      });
      if (!stamped.ok) throw new OrderRuleError(stamped.code);
      seq += stamped.ops.length;
      db.orders.appendLocal(stamped.ops, stamped.order);
      return stamped.order;
    };
    const orders = db.transaction(() => plan(record), { durable });
    this.lastSeq = seq;
    for (const order of orders) this.deps.onOrderChanged(order);
    return orders;
  }
}
