import { type Dong, dong } from "./money.js";
import type { Order } from "./order.js";
import type { PaymentPart } from "./order-op.js";
import type { Validation } from "./order-validate.js";

/** "Chia đều": a bill is split into 2 to 10 equal parts, each paid on its own. */
export const MIN_PARTS = 2;
export const MAX_PARTS = 10;

/** What a part's share rounds down to, so the parts are amounts a customer can hand over. */
const SHARE_STEP = 1_000;

/**
 * One part's share of `total` in `count` parts: rounded down to 1.000 ₫ (whole đồng for a bill
 * too small for that); the last part takes what the others leave (`partDue`).
 */
export function partShare(total: Dong, count: number): Dong {
  const exact = Math.floor(total / count);
  const stepped = Math.floor(exact / SHARE_STEP) * SHARE_STEP;
  return dong(stepped > 0 ? stepped : exact);
}

/** The equal parts of the bill paid so far, and in how many parts it was split (null: none paid). */
export function paidParts(order: Order): { count: number | null; paid: ReadonlySet<number> } {
  const parts = order.payments.flatMap((payment) => (payment.part ? [payment.part] : []));
  return { count: parts[0]?.count ?? null, paid: new Set(parts.map((part) => part.index)) };
}

/**
 * Whether a payment may pay `part`: 2 to 10 parts, the same count as the parts paid before it
 * (PART_INVALID), a part not paid yet (PART_PAID).
 */
export function checkPart(order: Order, part: PaymentPart): Validation {
  const { count, index } = part;
  const inRange = Number.isInteger(count) && count >= MIN_PARTS && count <= MAX_PARTS;
  if (!inRange || !Number.isInteger(index) || index < 1 || index > count) {
    return { ok: false, code: "PART_INVALID" };
  }
  const paid = paidParts(order);
  if (paid.count !== null && paid.count !== count) return { ok: false, code: "PART_INVALID" };
  return paid.paid.has(index) ? { ok: false, code: "PART_PAID" } : { ok: true };
}

/**
 * What part `index` of `count` costs now: its share, or, for the last part still unpaid, what is
 * left of the total (the rounding remainder, and whatever the bill gained since the split), so
 * that paying every part pays the bill exactly.
 */
export function partDue(order: Order, count: number, index: number): Dong {
  const { paid } = paidParts(order);
  const unpaid = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !paid.has(i) && i !== index);
  const due = dong(Math.max(0, order.total - order.paid));
  if (unpaid.length === 0) return due;
  return dong(Math.min(partShare(order.total, count), due));
}
