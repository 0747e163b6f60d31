import type { VatRate } from "./catalog.js";
import type { LineOption } from "./line-options.js";
import type { Dong } from "./money.js";

/**
 * Every kind of change an order can undergo. An order is the fold of these (docs/architecture.md,
 * "Orders are op logs").
 */
export const OP_KINDS = [
  "open",
  "addLine",
  "setQuantity",
  "voidLine",
  "discount",
  "discountLine",
  "moveTable",
  "addPayment",
  "close",
  "voidOrder",
  "markReady",
  "refund",
  "splitLine",
  "editLine",
] as const;
export type OpKind = (typeof OP_KINDS)[number];

export const PAYMENT_METHODS = ["cash", "transfer", "card"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface OpData {
  /** Opens the order; `number` is assigned by the opening device, online or not. */
  open: { number: string; tableId: string | null; storeId: string };
  /** Adds a line; price, name and VAT are copied from the catalog so the fold needs no catalog. */
  addLine: {
    lineId: string;
    itemId: string;
    name: string;
    unitPrice: Dong;
    vatRate: VatRate;
    quantity: number;
    note: string | null;
    /** The options chosen (absent: none); the line's unit price is `unitPrice` plus theirs. */
    options?: LineOption[] | undefined;
  };
  /**
   * Changes a line's note or options before the kitchen has it (see `validateOp`); each field
   * given replaces the line's, last writer wins. `note: null` clears the note.
   */
  editLine: {
    lineId: string;
    note?: string | null | undefined;
    options?: LineOption[] | undefined;
  };
  /** A lower quantity is a reduction: it carries a reason, and who approved it when the user may not. */
  setQuantity: {
    lineId: string;
    quantity: number;
    reason?: string | undefined;
    approvedBy?: string | undefined;
  };
  /** `mergedInto`: the line moved to that order by a merge (a merge right, not a void right). */
  voidLine: {
    lineId: string;
    reason: string;
    approvedBy?: string | undefined;
    mergedInto?: string | undefined;
  };
  /**
   * A discount on the bill, taken off the lines after their own discounts; the latest one replaces
   * earlier ones (0 removes it). `percent` (1–100): that share of the bill whenever it is folded,
   * `amount` then saying what it took off when it was given (what a fold before protocol 12 applies).
   * `reason`: one of `DISCOUNT_REASONS` (free text or null in older ops).
   */
  discount: {
    amount: Dong;
    percent?: number | undefined;
    reason: string | null;
    approvedBy?: string | undefined;
  };
  /** A discount on one line, in its terms as the bill's; the latest one for the line replaces earlier ones. */
  discountLine: {
    lineId: string;
    amount: Dong;
    percent?: number | undefined;
    reason: string | null;
    approvedBy?: string | undefined;
  };
  moveTable: { tableId: string | null };
  /**
   * `amount` is what was tendered: cash above the total becomes change due. `part`: the payment
   * of one equal part of the bill ("Chia đều", see `order-parts.ts`), part `index` of `count`.
   */
  addPayment: {
    paymentId: string;
    method: PaymentMethod;
    amount: Dong;
    part?: PaymentPart | undefined;
  };
  /** Checkout: the order is paid; `total` is what the device saw when it closed. */
  close: { total: Dong };
  /** `mergedInto`: the order emptied by a merge into that order. */
  voidOrder: { reason: string; approvedBy?: string | undefined; mergedInto?: string | undefined };
  /**
   * The bar or kitchen made these lines (the kitchen screen's "Xong"). Money never depends on it,
   * so it is allowed on a paid order too: a take-away paid at the counter is still being made.
   */
  markReady: { lineIds: string[] };
  /**
   * Money given back on a paid order (it stays paid, on its own day): `refundId` is the refund's
   * own id (a retry refunds once); `lineIds`, when the refund is for chosen lines.
   */
  refund: {
    refundId: string;
    amount: Dong;
    method: PaymentMethod;
    reason: string;
    lineIds?: string[] | undefined;
    approvedBy?: string | undefined;
  };
  /**
   * `quantity` units of a line move to another order by a split ("Tách hóa đơn", `planSplit`):
   * the line loses them here (all of them: it leaves the order) and `intoLineId` on
   * `intoOrderId` gains them, an `addLine` of the same device and user that backs the split
   * (`unbackedSplit`). A move, not a reduction: no reason, no approval, not in the audit.
   */
  splitLine: { lineId: string; quantity: number; intoOrderId: string; intoLineId: string };
}

/** One of the equal parts a bill is split into: part `index` (from 1) of `count`. */
export interface PaymentPart {
  readonly index: number;
  readonly count: number;
}

interface OpEnvelope {
  /** UUIDv7; ops with the same id are the same op. */
  readonly id: string;
  readonly orderId: string;
  /** The station or phone session that made the op. */
  readonly deviceId: string;
  /** Per-device increasing counter: breaks ties between ops made in the same millisecond. */
  readonly deviceSeq: number;
  /** Device time (ISO-8601 with milliseconds, UTC) when the op was made. */
  readonly at: string;
  readonly userId: string;
}

export type Op = { [K in OpKind]: OpEnvelope & { readonly kind: K; readonly data: OpData[K] } }[OpKind];
export type OpOf<K extends OpKind> = Extract<Op, { kind: K }>;

/**
 * The total order in which ops are applied: `(at, deviceId, deviceSeq, id)`. Every device folds
 * the same ops in the same order, so they agree whatever order the ops arrived in.
 */
export function compareOps(a: Op, b: Op): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  if (a.deviceSeq !== b.deviceSeq) return a.deviceSeq - b.deviceSeq;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
