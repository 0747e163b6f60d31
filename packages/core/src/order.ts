import type { VatRate } from "./catalog.js";
import type { LineOption } from "./line-options.js";
import type { Dong } from "./money.js";
import type { PaymentMethod, PaymentPart } from "./order-op.js";

export const ORDER_STATUSES = ["open", "paid", "void"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Conditions a manager must look at; the fold never drops data to avoid them.
 * `overpaid`: payments exceed the total beyond cash change, or two devices checked the order out.
 * `underpaid`: the order is paid but lines merged in afterwards raised the total above the payments.
 * `overrefunded`: two devices refunded the same money; the refunds beyond what was paid are left
 * out of `refunds` (see `foldRefunds`).
 */
export const ORDER_FLAGS = ["overpaid", "underpaid", "overrefunded"] as const;
export type OrderFlag = (typeof ORDER_FLAGS)[number];

/** A discount given, on a line or on the bill: what it took off, in the terms it was given. */
export interface GivenDiscount {
  readonly amount: Dong;
  readonly percent: number | null;
  readonly reason: string | null;
  readonly approvedBy: string | null;
}

export interface OrderLine {
  readonly id: string;
  readonly itemId: string;
  readonly name: string;
  readonly quantity: number;
  /** The price of one unit, its options included (`lineUnitPrice`). */
  readonly unitPrice: Dong;
  /** `unitPrice × quantity`, less the line's own discount. */
  readonly amount: Dong;
  /** The line's own discount, null for none. */
  readonly discount: GivenDiscount | null;
  /**
   * The options chosen, with their names and prices at the time, and the item's own price
   * before them: present only on a line that has options (a line without reads as before).
   */
  readonly options?: readonly LineOption[];
  readonly basePrice?: Dong;
  readonly vatRate: VatRate;
  readonly note: string | null;
  /** When what is still to be made was ordered: the line's add, or the latest raise of its quantity. */
  readonly orderedAt: string;
  /** When the kitchen screen marked it made (`markReady`); a later raise clears it: those units are not made yet. */
  readonly readyAt: string | null;
}

export interface VoidedLine extends OrderLine {
  readonly voidReason: string;
}

export interface Payment {
  readonly id: string;
  readonly method: PaymentMethod;
  readonly amount: Dong;
  readonly at: string;
  /** The equal part of the bill this payment paid ("Chia đều"), when it paid one. */
  readonly part?: PaymentPart | undefined;
}

/** Money given back on a paid order, counted on the day it was made (`at`). */
export interface Refund {
  readonly id: string;
  readonly amount: Dong;
  readonly method: PaymentMethod;
  readonly reason: string;
  /** The lines refunded; empty for a refund of the bill as a whole. */
  readonly lineIds: readonly string[];
  readonly at: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly approvedBy: string | null;
}

export interface VatBreakdown {
  readonly rate: VatRate;
  /** VAT-inclusive amount sold at this rate, after its share of the order discount. */
  readonly taxable: Dong;
  readonly vat: Dong;
}

/** An order as every device sees it: the fold of its ops (see `foldOrder`). */
export interface Order {
  readonly id: string;
  /** `null` only while the order's `open` op has not arrived yet. */
  readonly number: string | null;
  readonly storeId: string | null;
  readonly tableId: string | null;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly voidedLines: readonly VoidedLine[];
  /** Sum of the line amounts (after the lines' own discounts), before the bill's discount. */
  readonly subtotal: Dong;
  /** The bill's discount, in đồng. */
  readonly discount: Dong;
  /** The bill's discount as given (its `amount` is `discount`), null for none. */
  readonly billDiscount: GivenDiscount | null;
  /** What the lines' own discounts took off, together (`subtotal` is after them). */
  readonly lineDiscounts: Dong;
  /** What the customer owes: subtotal − discount, VAT included. */
  readonly total: Dong;
  readonly vat: readonly VatBreakdown[];
  readonly vatAmount: Dong;
  readonly paid: Dong;
  readonly changeDue: Dong;
  readonly payments: readonly Payment[];
  /** Refunds in op order; the order stays paid and keeps its `paidAt` and `total`. */
  readonly refunds: readonly Refund[];
  /** The sum of `refunds`: never more than `paid − changeDue`. */
  readonly refunded: Dong;
  readonly openedAt: string | null;
  /** Device time of the checkout: the moment the sale counts in reports. */
  readonly paidAt: string | null;
  readonly voidedAt: string | null;
  readonly voidReason: string | null;
  /** The device that opened the order. */
  readonly stationId: string | null;
  /** The user of the `open` op the fold keeps: who opened the order. */
  readonly openedByUserId: string | null;
  /**
   * The user and device of the `close` op that counts (the one that set `paidAt`): who checked
   * the order out, on which device (a station id, or `web-<session>` for phones and the back
   * office). Null while `paidAt` is; a voided order keeps them, as it keeps `paidAt`.
   */
  readonly closedByUserId: string | null;
  readonly closedOnDeviceId: string | null;
  readonly flags: readonly OrderFlag[];
  /** Device time of the latest op. */
  readonly updatedAt: string | null;
}
