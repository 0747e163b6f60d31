import { type DiscountTerms, isDiscountPercent } from "./discounts.js";
import { type LineOption, optionsWellFormed, rawUnitPrice, unitPriceInRange } from "./line-options.js";
import { MAX_AMOUNT } from "./money.js";
import type { Order } from "./order.js";
import type { Op, OpOf, PaymentMethod } from "./order-op.js";
import { checkPart } from "./order-parts.js";
import { lineRefundShare, refundableOf } from "./order-refund.js";

export const MAX_QUANTITY = 9_999;

/** The most lines one `markReady` names: a whole order's card on the kitchen screen, with room. */
export const MAX_READY_LINES = 100;

/**
 * The most change a cash payment may leave (2,000,000 đ, four of the largest notes): a cashier who
 * types a zero too many is stopped, a customer paying 32,000 đ with a 500,000 đ note is not.
 */
export const MAX_CASH_CHANGE = 2_000_000;

/** Why an op may not be applied to an order; stable codes the services map to HTTP errors. */
export const ORDER_RULE_CODES = [
  "INVALID_QUANTITY",
  "INVALID_AMOUNT",
  "ORDER_NOT_OPEN",
  "ORDER_ALREADY_OPEN",
  "ORDER_PAID",
  "ORDER_VOID",
  "LINE_NOT_FOUND",
  "LINE_EXISTS",
  "PAYMENT_EXISTS",
  "NOT_FULLY_PAID",
  "REASON_REQUIRED",
  "PAYMENT_EXCEEDS_DUE",
  "CHANGE_TOO_LARGE",
  "ORDER_EMPTY",
  "ORDER_NOT_PAID",
  "REFUND_EXISTS",
  "REFUND_EXCEEDS_PAID",
  "REFUND_EXCEEDS_LINES",
  // Split and merge at the counter (issue 13): a split's target, and the equal parts of a bill.
  "SPLIT_INVALID",
  "PART_INVALID",
  "PART_PAID",
  "INVALID_OPTIONS",
  "LINE_SENT",
] as const;
export type OrderRuleCode = (typeof ORDER_RULE_CODES)[number];

/** Why a change may not be made by who asks (see `planChange`). */
export const PERMISSION_REFUSALS = ["FORBIDDEN", "MANAGER_PIN_REQUIRED"] as const;
/** Why two orders may not be merged (see `planMerge`). */
export const MERGE_REFUSALS = ["MERGE_REFUSED"] as const;
/** Why a bill may not be split so (see `planSplit`). */
export const SPLIT_REFUSALS = ["SPLIT_REFUSED"] as const;
/** Why an item may not be added now, whatever the order (see `planChange`). */
export const CATALOG_REFUSALS = ["ITEM_SOLD_OUT"] as const;
export type ChangeRefusalCode =
  | OrderRuleCode
  | (typeof PERMISSION_REFUSALS)[number]
  | (typeof MERGE_REFUSALS)[number]
  | (typeof SPLIT_REFUSALS)[number]
  | (typeof CATALOG_REFUSALS)[number];

/** A change refused by the core: an order rule, or the permissions table. */
export class OrderRuleError extends Error {
  override readonly name = "OrderRuleError";
  constructor(readonly reason: ChangeRefusalCode) {
    super(`order change refused: ${reason}`);
  }
}

export type Validation = { ok: true } | { ok: false; code: OrderRuleCode };

const ok: Validation = { ok: true };
const fail = (code: OrderRuleCode): Validation => ({ ok: false, code });

/** A discount's terms on `base`: an amount from 0 to `base`, and a percent, when given, from 1 to 100. */
const validTerms = (terms: DiscountTerms, base: number) =>
  Number.isSafeInteger(terms.amount) &&
  terms.amount >= 0 &&
  terms.amount <= base &&
  (terms.percent === undefined || isDiscountPercent(terms.percent));

const isQuantity = (q: number) => Number.isInteger(q) && q >= 1 && q <= MAX_QUANTITY;
const isPositiveAmount = (a: number) => Number.isSafeInteger(a) && a > 0 && a <= MAX_AMOUNT;

/**
 * Checks a new op against the order as its device sees it, before the op is recorded.
 * `order` is `null` when the order does not exist yet (only `open` is allowed then).
 * Ops that arrive by sync are not re-checked: they were valid where they were made, and the
 * fold merges them (see `foldOrder`).
 */
export function validateOp(order: Order | null, op: Op): Validation {
  if (op.kind === "open") return order?.number ? fail("ORDER_ALREADY_OPEN") : ok;
  if (!order || order.number === null) return fail("ORDER_NOT_OPEN");
  if (order.status === "void") return fail("ORDER_VOID");

  const findLine = (lineId: string) => order.lines.find((line) => line.id === lineId);
  switch (op.kind) {
    case "addLine": {
      if (order.status === "paid") return fail("ORDER_PAID");
      const { quantity, lineId } = op.data;
      if (!isQuantity(quantity)) return fail("INVALID_QUANTITY");
      if (op.data.options && !optionsWellFormed(op.data.options)) return fail("INVALID_OPTIONS");
      if (!Number.isSafeInteger(op.data.unitPrice) || op.data.unitPrice < 0) return fail("INVALID_AMOUNT");
      const unitPrice = rawUnitPrice(op.data.unitPrice, op.data.options);
      if (!unitPriceInRange(unitPrice) || unitPrice * quantity > MAX_AMOUNT) return fail("INVALID_AMOUNT");
      if (order.subtotal + unitPrice * quantity > MAX_AMOUNT) return fail("INVALID_AMOUNT");
      if (findLine(lineId) || order.voidedLines.some((line) => line.id === lineId))
        return fail("LINE_EXISTS");
      return ok;
    }
    case "setQuantity": {
      if (order.status === "paid") return fail("ORDER_PAID");
      const line = findLine(op.data.lineId);
      if (!line) return fail("LINE_NOT_FOUND");
      if (!isQuantity(op.data.quantity)) return fail("INVALID_QUANTITY");
      const amount = line.unitPrice * op.data.quantity;
      return amount > MAX_AMOUNT || order.subtotal - line.amount + amount > MAX_AMOUNT
        ? fail("INVALID_AMOUNT")
        : ok;
    }
    case "editLine":
      return checkEdit(order, op);
    case "voidLine":
      if (order.status === "paid") return fail("ORDER_PAID");
      if (!findLine(op.data.lineId)) return fail("LINE_NOT_FOUND");
      return op.data.reason.trim() ? ok : fail("REASON_REQUIRED");
    case "discount":
      if (order.status === "paid") return fail("ORDER_PAID");
      return validTerms(op.data, order.subtotal) ? ok : fail("INVALID_AMOUNT");
    case "discountLine": {
      if (order.status === "paid") return fail("ORDER_PAID");
      const line = findLine(op.data.lineId);
      if (!line) return fail("LINE_NOT_FOUND");
      return validTerms(op.data, line.unitPrice * line.quantity) ? ok : fail("INVALID_AMOUNT");
    }
    case "moveTable":
      return order.status === "paid" ? fail("ORDER_PAID") : ok;
    case "addPayment":
      if (order.status === "paid") return fail("ORDER_PAID");
      if (!isPositiveAmount(op.data.amount) || order.paid + op.data.amount > MAX_AMOUNT) {
        return fail("INVALID_AMOUNT");
      }
      if (order.payments.some((p) => p.id === op.data.paymentId)) return fail("PAYMENT_EXISTS");
      if (order.status === "open" && order.lines.length === 0) return fail("ORDER_EMPTY");
      if (op.data.part) {
        const part = checkPart(order, op.data.part);
        if (!part.ok) return part;
      }
      return checkTender(order, op.data.method, op.data.amount);
    case "close":
      if (order.status === "paid") return fail("ORDER_PAID");
      return order.paid >= order.total ? ok : fail("NOT_FULLY_PAID");
    case "markReady": {
      // Allowed on a paid order (a take-away paid at the counter is still being made), not a void one.
      const { lineIds } = op.data;
      if (lineIds.length === 0 || lineIds.length > MAX_READY_LINES) return fail("LINE_NOT_FOUND");
      return lineIds.every((lineId) => findLine(lineId)) ? ok : fail("LINE_NOT_FOUND");
    }
    case "voidOrder": // a paid order may be voided (a refund); who may do it is the services' concern
      return op.data.reason.trim() ? ok : fail("REASON_REQUIRED");
    case "refund":
      return checkRefund(order, op);
    case "splitLine": {
      if (order.status === "paid") return fail("ORDER_PAID");
      const line = findLine(op.data.lineId);
      if (!line) return fail("LINE_NOT_FOUND");
      if (!isQuantity(op.data.quantity) || op.data.quantity > line.quantity) return fail("INVALID_QUANTITY");
      return op.data.intoOrderId === op.orderId ? fail("SPLIT_INVALID") : ok;
    }
  }
}

/**
 * A line's note and options change only while the order is open and the kitchen has not made it
 * (`readyAt`: LINE_SENT; a station also refuses once its ticket printed). The new unit price,
 * options included, must be one a line may have, and the order's subtotal stays within bounds.
 */
function checkEdit(order: Order, op: OpOf<"editLine">): Validation {
  if (order.status === "paid") return fail("ORDER_PAID");
  const line = order.lines.find((candidate) => candidate.id === op.data.lineId);
  if (!line) return fail("LINE_NOT_FOUND");
  if (line.readyAt !== null) return fail("LINE_SENT");
  const { note, options } = op.data;
  if (note === undefined && options === undefined) return fail("INVALID_OPTIONS");
  if (options === undefined) return ok;
  if (!optionsWellFormed(options)) return fail("INVALID_OPTIONS");
  const amount = editedAmount(line, options);
  if (amount === null || order.subtotal - line.amount + amount > MAX_AMOUNT) return fail("INVALID_AMOUNT");
  return ok;
}

/** A line's amount with other options, or null when its unit price would be out of range. */
function editedAmount(line: Order["lines"][number], options: readonly LineOption[]): number | null {
  const unitPrice = rawUnitPrice(line.basePrice ?? line.unitPrice, options);
  if (!unitPriceInRange(unitPrice) || unitPrice * line.quantity > MAX_AMOUNT) return null;
  return unitPrice * line.quantity;
}

/**
 * A refund gives back money the customer paid and kept, once per `refundId`: on a paid order
 * only, at most what is still refundable, and by line at most those lines' share of the total.
 */
function checkRefund(order: Order, op: OpOf<"refund">): Validation {
  if (order.status !== "paid") return fail("ORDER_NOT_PAID");
  const { refundId, amount, reason, lineIds } = op.data;
  if (!reason.trim()) return fail("REASON_REQUIRED");
  if (!isPositiveAmount(amount)) return fail("INVALID_AMOUNT");
  if (order.refunds.some((refund) => refund.id === refundId)) return fail("REFUND_EXISTS");
  if (amount > refundableOf(order)) return fail("REFUND_EXCEEDS_PAID");
  if (lineIds !== undefined) {
    if (lineIds.length === 0 || new Set(lineIds).size !== lineIds.length) return fail("LINE_NOT_FOUND");
    if (!lineIds.every((lineId) => order.lines.some((line) => line.id === lineId))) {
      return fail("LINE_NOT_FOUND");
    }
    if (amount > lineRefundShare(order, lineIds)) return fail("REFUND_EXCEEDS_LINES");
  }
  return ok;
}

/** Only cash can be tendered above what is due, and only by a believable amount of change. */
function checkTender(order: Order, method: PaymentMethod, amount: number): Validation {
  const due = Math.max(0, order.total - order.paid);
  if (amount <= due) return ok;
  if (method !== "cash") return fail("PAYMENT_EXCEEDS_DUE");
  return amount - due > MAX_CASH_CHANGE ? fail("CHANGE_TOO_LARGE") : ok;
}
