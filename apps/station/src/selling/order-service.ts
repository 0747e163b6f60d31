import {
  type Clock,
  dong,
  foldOrder,
  formatInvoiceNumber,
  type IdGenerator,
  localDate,
  type Op,
  type OpData,
  type OpKind,
  type Order,
  OrderRuleError,
  type PaymentMethod,
  validateOp,
} from "@quay/core";
import { StationError } from "../errors.js";
import type { StationStore } from "../store/station-store.js";

/** An op before its envelope: what a cashier's action means for the order. */
export type OpDraft = { [K in OpKind]: { kind: K; data: OpData[K] } }[OpKind];

/** Who makes a change: the signed-in user. */
export interface Actor {
  readonly userId: string;
}

export interface OrderServiceDeps {
  store: StationStore;
  clock: Clock;
  newId: IdGenerator;
  /** Called after the change committed (never inside the transaction). */
  onOrderChanged: (order: Order) => void;
}

/**
 * The cashier's actions on orders. Each one validates its ops with the core's rules, appends
 * them and rewrites the order's projection in ONE synchronous SQLite transaction, then answers.
 * Nothing here touches the network: the sync engine picks the ops up from the outbox later.
 */
export class OrderService {
  private lastSeq: number | undefined;

  constructor(private readonly deps: OrderServiceDeps) {}

  create(actor: Actor, tableId: string | null): Order {
    if (tableId !== null && !this.deps.store.findTable(tableId)) throw new StationError("NOT_FOUND", "table");
    const identity = this.requireIdentity();
    const orderId = this.deps.newId();
    return this.change(actor, orderId, true, () => {
      const now = this.deps.clock.now();
      const timeZone = identity.store.timeZone;
      const sequence = this.deps.store.invoiceCounter.next(localDate(now, timeZone));
      const number = formatInvoiceNumber({
        storeCode: identity.store.code,
        stationCode: identity.stationCode,
        epochMs: now,
        sequence,
        timeZone,
      });
      return [{ kind: "open", data: { number, tableId, storeId: identity.store.id } }];
    });
  }

  addLine(
    actor: Actor,
    orderId: string,
    input: { itemId: string; quantity: number; note?: string | undefined },
  ) {
    const item = this.deps.store.findItem(input.itemId);
    if (!item?.active) throw new StationError("NOT_FOUND", "item");
    return this.change(actor, orderId, false, () => [
      {
        kind: "addLine",
        data: {
          lineId: this.deps.newId(),
          itemId: item.id,
          name: item.name,
          unitPrice: dong(item.price),
          vatRate: item.vatRate,
          quantity: input.quantity,
          note: input.note ? input.note : null,
        },
      },
    ]);
  }

  setQuantity(actor: Actor, orderId: string, lineId: string, quantity: number): Order {
    return this.change(actor, orderId, false, () => [{ kind: "setQuantity", data: { lineId, quantity } }]);
  }

  voidLine(actor: Actor, orderId: string, lineId: string, reason: string): Order {
    return this.change(actor, orderId, false, () => [{ kind: "voidLine", data: { lineId, reason } }]);
  }

  discount(actor: Actor, orderId: string, amount: number, reason: string | null): Order {
    return this.change(actor, orderId, false, () => [
      { kind: "discount", data: { amount: dong(amount), reason } },
    ]);
  }

  move(actor: Actor, orderId: string, tableId: string | null): Order {
    if (tableId !== null && !this.deps.store.findTable(tableId)) throw new StationError("NOT_FOUND", "table");
    return this.change(actor, orderId, false, () => [{ kind: "moveTable", data: { tableId } }]);
  }

  /** Records a payment; once payments cover the total the order is closed in the same transaction. */
  pay(actor: Actor, orderId: string, method: PaymentMethod, amount: number): Order {
    return this.change(
      actor,
      orderId,
      false,
      (order) => {
        const payment: OpDraft = {
          kind: "addPayment",
          data: { paymentId: this.deps.newId(), method, amount: dong(amount) },
        };
        if (!order || order.paid + amount < order.total) return [payment];
        return [payment, { kind: "close", data: { total: order.total } }];
      },
      true,
    );
  }

  voidOrder(actor: Actor, orderId: string, reason: string): Order {
    return this.change(actor, orderId, false, () => [{ kind: "voidOrder", data: { reason } }], true);
  }

  private requireIdentity() {
    const identity = this.deps.store.identity();
    if (!identity) throw new StationError("NOT_PROVISIONED");
    return identity;
  }

  /** Builds, validates and records the ops of one action in one transaction. */
  private change(
    actor: Actor,
    orderId: string,
    isNew: boolean,
    draft: (order: Order | null) => OpDraft[],
    /** Money changed hands or a sale ended: fsync before the cashier is answered. */
    durable = false,
  ): Order {
    const { stationId } = this.requireIdentity();
    const store = this.deps.store;
    let seq = this.lastSeq ?? store.orders.lastDeviceSeq(stationId);
    const order = store.transaction(
      () => {
        const existing = isNew ? [] : store.orders.opsOf(orderId);
        if (!isNew && existing.length === 0) throw new StationError("NOT_FOUND", "order");
        const ops: Op[] = [...existing];
        let current = isNew ? null : foldOrder(orderId, ops);
        const made: Op[] = [];
        for (const { kind, data } of draft(current)) {
          seq += 1;
          const at = new Date(this.deps.clock.now()).toISOString();
          const op = {
            id: this.deps.newId(),
            orderId,
            deviceId: stationId,
            deviceSeq: seq,
            at,
            userId: actor.userId,
            kind,
            data,
          } as Op;
          const verdict = validateOp(current, op);
          if (!verdict.ok) {
            if (verdict.code === "LINE_NOT_FOUND") throw new StationError("NOT_FOUND", "line");
            throw new OrderRuleError(verdict.code);
          }
          ops.push(op);
          made.push(op);
          current = foldOrder(orderId, ops);
        }
        if (!current) throw new Error("an action made no ops");
        store.orders.appendLocal(made, current);
        return current;
      },
      { durable },
    );
    this.lastSeq = seq;
    this.deps.onOrderChanged(order);
    return order;
  }
}
