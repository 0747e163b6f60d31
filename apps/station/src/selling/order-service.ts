import {
  type Actor,
  authorize,
  type Clock,
  chooseOptions,
  dong,
  formatInvoiceNumber,
  type IdGenerator,
  type LineOption,
  localDate,
  type OpDraft,
  type Order,
  type OrderIntent,
  OrderRuleError,
  type PaymentMethod,
  planChange,
  planMerge,
  planSplit,
  replayChecked,
  type SplitChoice,
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
    return this.change(actor, orderId, () => ({
      kind: "open",
      number: this.nextNumber(),
      tableId,
      storeId: identity.store.id,
    }));
  }

  /** The next invoice number of this station (called inside the transaction that opens the order). */
  private nextNumber(): string {
    const identity = this.requireIdentity();
    const now = this.deps.clock.now();
    const timeZone = identity.store.timeZone;
    const sequence = this.deps.db.invoiceCounter.next(localDate(now, timeZone));
    return formatInvoiceNumber({
      storeCode: identity.store.code,
      stationCode: identity.stationCode,
      epochMs: now,
      sequence,
      timeZone,
    });
  }

  addLine(
    actor: Actor,
    orderId: string,
    input: {
      itemId: string;
      quantity: number;
      note?: string | undefined;
      lineId?: string | undefined;
      optionIds?: readonly string[] | undefined;
    },
  ): Order {
    const item = this.deps.db.findItem(input.itemId);
    if (!item) throw new StationError("NOT_FOUND", "item");
    if (!item.active) throw new StationError("ITEM_UNAVAILABLE");
    // No `optionIds` (a client older than options): the item as it always sold, unchecked.
    const options = input.optionIds === undefined ? [] : this.chosenOptions(item, input.optionIds);
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
      options,
    }));
  }

  /**
   * Changes a line's note (null clears it) or options while the kitchen does not have it: not
   * made (core's rule) and on no ticket that left its printer's queue (LINE_SENT).
   */
  editLine(
    actor: Actor,
    orderId: string,
    lineId: string,
    input: { note?: string | null | undefined; optionIds?: readonly string[] | undefined },
  ): Order {
    const db = this.deps.db;
    return this.change(actor, orderId, () => {
      const line = db.orders.getOrder(orderId)?.lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new OrderRuleError("LINE_NOT_FOUND");
      const lineOps = db.orders
        .opsOf(orderId)
        .filter((op) => "lineId" in op.data && op.data.lineId === lineId)
        .map((op) => op.id);
      if (db.tickets.printedAnyOf(orderId, lineOps)) throw new OrderRuleError("LINE_SENT");
      let options: readonly LineOption[] | undefined;
      if (input.optionIds !== undefined) {
        const item = db.findItem(line.itemId);
        if (!item) throw new StationError("NOT_FOUND", "item");
        options = this.chosenOptions(item, input.optionIds);
      }
      const note = input.note === undefined ? {} : { note: input.note ? input.note : null };
      return { kind: "editLine", lineId, ...note, options };
    });
  }

  /** The options chosen for an item, checked against its groups in the cached catalog (core's `chooseOptions`). */
  private chosenOptions(
    item: { optionGroupIds?: readonly string[] | undefined },
    optionIds: readonly string[],
  ): readonly LineOption[] {
    const groups = this.deps.db.catalog()?.optionGroups ?? [];
    const chosen = chooseOptions({ optionGroupIds: item.optionGroupIds ?? [] }, groups, optionIds);
    if (!chosen.ok) throw new StationError(chosen.code);
    return chosen.options;
  }

  setQuantity(actor: Actor, orderId: string, lineId: string, quantity: number, reason: string | null = null) {
    return this.change(actor, orderId, () => ({ kind: "setQuantity", lineId, quantity, reason }));
  }

  voidLine(actor: Actor, orderId: string, lineId: string, reason: string): Order {
    return this.change(actor, orderId, () => ({ kind: "voidLine", lineId, reason }));
  }

  /** A discount on the bill, or with `lineId` on that line: `percent` of it, else `amount` in đồng. */
  discount(
    actor: Actor,
    orderId: string,
    input: {
      amount: number;
      percent?: number | undefined;
      reason: string | null;
      lineId?: string | undefined;
    },
  ): Order {
    const terms = { amount: dong(input.amount), percent: input.percent, reason: input.reason };
    const { lineId } = input;
    return this.change(actor, orderId, () =>
      lineId === undefined ? { kind: "discount", ...terms } : { kind: "discountLine", lineId, ...terms },
    );
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
   * Splits the chosen lines (or units of a line) of the open order `sourceId` onto a new order
   * ("Tách hóa đơn") as the core plans it (`planSplit`): the new order, numbered here, on
   * `tableId` (undefined: the source's table), both orders in one transaction; answers both.
   * `newOrderId`, the client's own, makes a retry answer the split already made.
   */
  split(
    actor: Actor,
    sourceId: string,
    input: {
      lines: readonly SplitChoice[];
      tableId?: string | null | undefined;
      orderId?: string | undefined;
    },
  ): { source: Order; split: Order } {
    const db = this.deps.db;
    const identity = this.requireIdentity();
    const source = db.orders.getOrder(sourceId);
    if (!source) throw new StationError("NOT_FOUND", "order");
    const orderId = input.orderId ?? this.deps.newId();
    const existing = db.orders.getOrder(orderId);
    if (existing) return { source, split: existing }; // a retry of a split already made
    const tableId = input.tableId === undefined ? source.tableId : input.tableId;
    if (tableId !== null && !db.findTable(tableId)) throw new StationError("NOT_FOUND", "table");
    const [split, after] = this.recording(
      (record) => {
        const current = db.orders.getOrder(sourceId) ?? source;
        const target = { orderId, number: this.nextNumber(), tableId, storeId: identity.store.id };
        const plan = planSplit(current, target, input.lines, actor, this.deps.newId);
        if (!plan.ok) throw new OrderRuleError(plan.code);
        return [record(orderId, plan.into), record(sourceId, plan.from)];
      },
      actor,
      false,
    );
    if (!split || !after) throw new Error("a split answers both orders");
    return { source: after, split };
  }

  /** Pays part `index` of `count` equal parts ("Chia đều"); the last part paid closes the order. */
  payPart(
    actor: Actor,
    orderId: string,
    input: { method: PaymentMethod; count: number; index: number; paymentId?: string | undefined },
  ): Order {
    this.deps.beforePayment?.();
    const paymentId = input.paymentId ?? this.deps.newId();
    const { method, count, index } = input;
    return this.change(actor, orderId, () => ({ kind: "payPart", paymentId, method, count, index }), true);
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
        const rules = { discountLimits: this.requireIdentity().store.discountLimits };
        const plan = planChange(current, intent, actor, rules);
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
