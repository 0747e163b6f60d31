import { randomFillSync } from "node:crypto";
import { type Clock, lineOf, type Op, uuidV7Generator } from "@quay/core";
import type { WorldStore } from "./world.test-support.js";

const clock: Clock = { now: () => Date.now() };
export const newTestId = uuidV7Generator(clock, (length) => randomFillSync(new Uint8Array(length)));

/**
 * Makes ops the way a station does: its own device id and sequence, invoice numbers from its
 * own counter. Money is plain numbers here, as on the wire.
 */
export class OpFactory {
  #seq = 0;
  #invoice = 0;

  constructor(
    readonly store: Pick<WorldStore, "id" | "code" | "items" | "tableIds" | "ownerId">,
    readonly deviceId: string,
    readonly userId = store.ownerId,
  ) {}

  op(orderId: string, at: string, kind: Op["kind"], data: unknown): Op {
    this.#seq += 1;
    return {
      id: newTestId(),
      orderId,
      deviceId: this.deviceId,
      deviceSeq: this.#seq,
      at,
      userId: this.userId,
      kind,
      data,
    } as Op;
  }

  /** An invoice: open, `lines` lines, and when `paid`, a cash payment of the total and the close. */
  invoice(options: {
    at: string;
    lines?: number;
    paid?: boolean;
    orderId?: string;
    method?: "cash" | "card" | "transfer";
  }) {
    const orderId = options.orderId ?? newTestId();
    this.#invoice += 1;
    // Numbered by this device, like a station's own counter: unique across the tenant.
    const device = this.deviceId.replaceAll("-", "").slice(-6).toUpperCase();
    const number = `${this.store.code}-${device}-${options.at.slice(0, 10).replaceAll("-", "")}-${String(this.#invoice).padStart(4, "0")}`;
    const ops: Op[] = [
      this.op(orderId, options.at, "open", { number, tableId: null, storeId: this.store.id }),
    ];
    let total = 0;
    for (let index = 0; index < (options.lines ?? 2); index++) {
      const item = this.store.items[index % this.store.items.length];
      if (!item) throw new Error("the store has no items");
      const quantity = 1 + (index % 2);
      total += item.price * quantity;
      ops.push(this.op(orderId, options.at, "addLine", lineOf(item, newTestId(), quantity)));
    }
    if (options.paid) ops.push(...this.checkout(orderId, options.at, total, options.method));
    return { orderId, number, total, ops };
  }

  /** A refund of `amount` on a paid order, made at `at` (by this factory's user, unless approved). */
  refund(
    orderId: string,
    at: string,
    amount: number,
    options: { method?: "cash" | "card" | "transfer"; lineIds?: string[]; approvedBy?: string } = {},
  ): Op {
    const { method = "cash", ...rest } = options;
    return this.op(orderId, at, "refund", {
      refundId: newTestId(),
      amount,
      method,
      reason: "khách trả món",
      ...rest,
    });
  }

  /** A checkout: a payment of `total` and the close. */
  checkout(orderId: string, at: string, total: number, method: "cash" | "card" | "transfer" = "cash"): Op[] {
    return [
      this.op(orderId, at, "addPayment", { paymentId: newTestId(), method, amount: total }),
      this.op(orderId, at, "close", { total }),
    ];
  }
}
