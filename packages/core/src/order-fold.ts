import type { VatRate } from "./catalog.js";
import { discountOff } from "./discounts.js";
import { type LineOption, lineUnitPrice } from "./line-options.js";
import {
  addDong,
  type Dong,
  dong,
  maxDong,
  minDong,
  multiplyDong,
  subtractDong,
  sumDong,
  vatIncluded,
  ZERO,
} from "./money.js";
import type {
  GivenDiscount,
  Order,
  OrderFlag,
  OrderLine,
  Payment,
  VatBreakdown,
  VoidedLine,
} from "./order.js";
import { compareOps, type Op, type OpData, type OpOf } from "./order-op.js";
import { foldRefunds } from "./order-refund.js";
import { allocateProportionally } from "./rounding.js";

interface LineState {
  added: OpData["addLine"] | null;
  discount: OpData["discountLine"] | null;
  /** The note and options as the latest add or edit left them (`editLine` replaces them). */
  note: string | null;
  options: readonly LineOption[];
  quantity: number;
  voidReason: string | null;
  orderedAt: string;
  readyAt: string | null;
}

/**
 * Folds an order's ops into the order. Deterministic and merge-friendly:
 * - ops are de-duplicated by id, then applied in `compareOps` order, so arrival order never matters;
 * - lines and payments are keyed by their own ids, so both sides of a merge keep theirs;
 * - a line's quantity, the table, the bill's discount and each line's are last-writer-wins in that order;
 * - voids are sticky; nothing is dropped: conflicts show up as `flags` instead.
 * The fold trusts its input (ops were checked by `validateOp` where they were made).
 */
export function foldOrder(orderId: string, ops: Iterable<Op>): Order {
  const byId = new Map<string, Op>();
  for (const op of ops) if (op.orderId === orderId && !byId.has(op.id)) byId.set(op.id, op);
  const sorted = [...byId.values()].sort(compareOps);

  let open: OpOf<"open"> | null = null;
  let tableId: string | null = null;
  let billDiscount: OpData["discount"] | null = null;
  let voided: { at: string; reason: string } | null = null;
  // The first close in op order counts: it sets `paidAt` and says who checked out, where.
  let close: OpOf<"close"> | null = null;
  const closingDevices = new Set<string>();
  const lines = new Map<string, LineState>();
  const payments = new Map<string, Payment>();
  const refundOps: OpOf<"refund">[] = [];

  const lineState = (lineId: string): LineState => {
    let state = lines.get(lineId);
    if (!state) {
      state = {
        added: null,
        discount: null,
        note: null,
        options: [],
        quantity: 0,
        voidReason: null,
        orderedAt: "",
        readyAt: null,
      };
      lines.set(lineId, state);
    }
    return state;
  };

  for (const op of sorted) {
    switch (op.kind) {
      case "open":
        open ??= op;
        tableId = op.data.tableId;
        break;
      case "addLine": {
        const state = lineState(op.data.lineId);
        if (!state.added) {
          state.orderedAt = op.at;
          state.note = op.data.note;
          state.options = op.data.options ?? [];
        }
        state.added ??= op.data;
        state.quantity = op.data.quantity;
        break;
      }
      case "setQuantity": {
        const state = lineState(op.data.lineId);
        // More units are to be made: they were ordered now, and are not ready yet.
        if (op.data.quantity > state.quantity) {
          state.orderedAt = op.at;
          state.readyAt = null;
        }
        state.quantity = op.data.quantity;
        break;
      }
      case "voidLine":
        lineState(op.data.lineId).voidReason ??= op.data.reason;
        break;
      case "editLine": {
        const state = lineState(op.data.lineId);
        if (op.data.note !== undefined) state.note = op.data.note;
        if (op.data.options !== undefined) state.options = op.data.options;
        break;
      }
      case "discount":
        billDiscount = op.data;
        break;
      case "discountLine":
        lineState(op.data.lineId).discount = op.data;
        break;
      case "moveTable":
        tableId = op.data.tableId;
        break;
      case "addPayment":
        if (!payments.has(op.data.paymentId)) {
          payments.set(op.data.paymentId, {
            id: op.data.paymentId,
            method: op.data.method,
            amount: op.data.amount,
            at: op.at,
            ...(op.data.part ? { part: op.data.part } : {}),
          });
        }
        break;
      case "close":
        close ??= op;
        closingDevices.add(op.deviceId);
        break;
      case "voidOrder":
        voided ??= { at: op.at, reason: op.data.reason };
        break;
      case "markReady":
        // Only lines already added: a ready never creates a line, nor moves it in the order's list.
        for (const lineId of op.data.lineIds) {
          const state = lines.get(lineId);
          if (state?.added) state.readyAt = op.at;
        }
        break;
      case "refund":
        refundOps.push(op);
        break;
      case "splitLine":
        splitAway(lineState(op.data.lineId), op.data.quantity);
        break;
    }
  }

  const activeLines: OrderLine[] = [];
  const voidedLines: VoidedLine[] = [];
  for (const [lineId, state] of lines) {
    if (!state.added) continue; // a change whose line has not arrived yet
    if (state.quantity === 0) continue; // every unit split away: the line is on the other order
    const line = lineOf(lineId, state.added, state);
    if (state.voidReason === null) activeLines.push(line);
    else voidedLines.push({ ...line, voidReason: state.voidReason });
  }

  const subtotal = sumDong(activeLines.map((line) => line.amount));
  const discount = billDiscount === null ? ZERO : discountOff(billDiscount, subtotal);
  const total = subtractDong(subtotal, discount);
  const vat = vatBreakdown(activeLines, discount);
  const paymentList = [...payments.values()];
  const paid = sumDong(paymentList.map((payment) => payment.amount));
  const cashTendered = sumDong(paymentList.filter((p) => p.method === "cash").map((p) => p.amount));
  const excess = maxDong(subtractDong(paid, total), ZERO);
  const changeDue = minDong(excess, cashTendered);

  const status = voided ? "void" : close !== null ? "paid" : "open";
  const flags: OrderFlag[] = [];
  if (subtractDong(excess, changeDue) > 0 || closingDevices.size > 1) flags.push("overpaid");
  if (status === "paid" && paid < total) flags.push("underpaid");
  const { refunds, refunded, overrefunded } = foldRefunds(refundOps, {
    paid,
    changeDue,
    closed: close !== null,
  });
  if (overrefunded) flags.push("overrefunded");

  return {
    id: orderId,
    number: open?.data.number ?? null,
    storeId: open?.data.storeId ?? null,
    tableId,
    status,
    lines: activeLines,
    voidedLines,
    subtotal,
    discount,
    billDiscount: billDiscount === null ? null : given(billDiscount, discount),
    lineDiscounts: sumDong(activeLines.map((line) => line.discount?.amount ?? ZERO)),
    total,
    vat,
    vatAmount: sumDong(vat.map((entry) => entry.vat)),
    paid,
    changeDue,
    payments: paymentList,
    refunds,
    refunded,
    openedAt: open?.at ?? null,
    paidAt: close?.at ?? null,
    voidedAt: voided?.at ?? null,
    voidReason: voided?.reason ?? null,
    stationId: open?.deviceId ?? null,
    openedByUserId: open?.userId ?? null,
    closedByUserId: close?.userId ?? null,
    closedOnDeviceId: close?.deviceId ?? null,
    flags,
    updatedAt: sorted.at(-1)?.at ?? null,
  };
}

/** A folded line: its unit price includes its options (`lineUnitPrice`), its amount is that × quantity less its own discount. */
function lineOf(lineId: string, added: OpData["addLine"], state: LineState): OrderLine {
  const { itemId, name, unitPrice: basePrice, vatRate } = added;
  const unitPrice = lineUnitPrice(basePrice, state.options);
  const gross = multiplyDong(unitPrice, state.quantity);
  const discount = lineDiscountOf(state.discount, gross);
  return {
    id: lineId,
    itemId,
    name,
    quantity: state.quantity,
    unitPrice,
    amount: subtractDong(gross, discount?.amount ?? ZERO),
    discount,
    vatRate,
    note: state.note,
    orderedAt: state.orderedAt,
    readyAt: state.readyAt,
    // Only a line with options carries them, so a line without reads exactly as before.
    ...(state.options.length > 0 ? { options: state.options, basePrice } : {}),
  };
}

/** A line's own discount on its `gross` amount, null when it takes nothing off. */
function lineDiscountOf(terms: OpData["discountLine"] | null, gross: Dong): GivenDiscount | null {
  return terms === null ? null : given(terms, discountOff(terms, gross));
}

/** A discount's terms as the order shows them, null when it takes nothing off. */
function given(terms: OpData["discount"], amount: Dong): GivenDiscount | null {
  if (amount === 0) return null;
  return {
    amount,
    percent: terms.percent ?? null,
    reason: terms.reason,
    approvedBy: terms.approvedBy ?? null,
  };
}

/**
 * A split takes units off, whatever the quantity is then: a phone's raise made before it keeps
 * its units here, the split's are on the other order. All of them, or more (a concurrent
 * reduction), and the line leaves the order.
 */
function splitAway(state: LineState, quantity: number): void {
  state.quantity = Math.max(0, state.quantity - quantity);
}

/** VAT per rate on the amounts after the discount, spread over the rates in proportion. */
function vatBreakdown(lines: readonly OrderLine[], discount: Dong): VatBreakdown[] {
  const byRate = new Map<VatRate, Dong>();
  for (const line of lines) byRate.set(line.vatRate, addDong(byRate.get(line.vatRate) ?? ZERO, line.amount));
  const rates = [...byRate.keys()].sort((a, b) => a - b);
  const shares = allocateProportionally(
    discount,
    rates.map((rate) => byRate.get(rate) ?? ZERO),
  );
  return rates.map((rate, index) => {
    const taxable = subtractDong(byRate.get(rate) ?? ZERO, dong(shares[index] ?? 0));
    return { rate, taxable, vat: vatIncluded(taxable, rate) };
  });
}
