import type { VatRate } from "./catalog.js";
import {
  DEFAULT_DISCOUNT_LIMITS,
  type DiscountLimits,
  type DiscountTerms,
  discountOff,
  withinDiscountLimit,
} from "./discounts.js";
import type { LineOption } from "./line-options.js";
import { type Dong, multiplyDong, ZERO } from "./money.js";
import type { Order, OrderLine } from "./order.js";
import { foldOrder } from "./order-fold.js";
import type { Op, OpData, OpKind, PaymentMethod } from "./order-op.js";
import { checkPart, partDue } from "./order-parts.js";
import { type ChangeRefusalCode, type OrderRuleCode, validateOp } from "./order-validate.js";
import { APPROVABLE, can, mayApprove, type Permission, type Role } from "./permissions.js";
import type { IdGenerator } from "./uuid-v7.js";

/** What a person asks of an order, at any device; `planChange` turns it into ops. */
export type OrderIntent =
  | {
      readonly kind: "open";
      readonly number: string;
      readonly tableId: string | null;
      readonly storeId: string;
    }
  | {
      readonly kind: "addLine";
      /** Chosen by the client where it can: a retried add adds the line once. */
      readonly lineId: string;
      readonly item: SoldItem;
      readonly quantity: number;
      readonly note: string | null;
      /** The options chosen, checked against the catalog by the service (`chooseOptions`). */
      readonly options?: readonly LineOption[] | undefined;
    }
  /** A line's note or options, changed before the kitchen has it (absent: kept). */
  | {
      readonly kind: "editLine";
      readonly lineId: string;
      readonly note?: string | null | undefined;
      readonly options?: readonly LineOption[] | undefined;
    }
  | {
      readonly kind: "setQuantity";
      readonly lineId: string;
      readonly quantity: number;
      /** Why, when the quantity goes down (a reduction is recorded like a void). */
      readonly reason: string | null;
    }
  | { readonly kind: "voidLine"; readonly lineId: string; readonly reason: string }
  | {
      readonly kind: "discount";
      /** In đồng, or what `percent` takes off the bill now. */
      readonly amount: Dong;
      readonly percent?: number | undefined;
      readonly reason: string | null;
    }
  | {
      readonly kind: "discountLine";
      readonly lineId: string;
      readonly amount: Dong;
      readonly percent?: number | undefined;
      readonly reason: string | null;
    }
  | { readonly kind: "moveTable"; readonly tableId: string | null }
  | {
      readonly kind: "pay";
      readonly paymentId: string;
      readonly method: PaymentMethod;
      readonly amount: Dong;
    }
  /** Pays part `index` of `count` equal parts ("Chia đều"): its amount is the core's (`partDue`). */
  | {
      readonly kind: "payPart";
      readonly paymentId: string;
      readonly method: PaymentMethod;
      readonly count: number;
      readonly index: number;
    }
  | { readonly kind: "voidOrder"; readonly reason: string }
  | {
      readonly kind: "refund";
      /** Chosen by the client where it can: a retried refund refunds once. */
      readonly refundId: string;
      readonly amount: Dong;
      readonly method: PaymentMethod;
      readonly reason: string;
      /** The lines refunded; absent for the bill as a whole. */
      readonly lineIds?: readonly string[] | undefined;
    }
  /** The kitchen or bar made these lines (the kitchen screen). */
  | { readonly kind: "markReady"; readonly lineIds: readonly string[] };

/** A manager who approved a change with their PIN at the device of the user making it. */
export interface Approver {
  readonly userId: string;
  readonly role: Role;
}

/** Who asks: the signed-in user, and the manager who approved with a PIN, if any. */
/** What a line records of the item it sells, as the catalog has it at the time. */
export interface SoldItem {
  readonly id: string;
  readonly name: string;
  readonly price: Dong;
  readonly vatRate: VatRate;
  /** Sold out for now ("hết món") in the adding device's catalog: a new line of it is refused. */
  readonly soldOut?: boolean | undefined;
}

/**
 * The `addLine` op's data for `quantity` of `item` at its current price and VAT: the line keeps
 * them, so the fold never needs the catalog.
 */
export function lineOf(
  item: SoldItem,
  lineId: string,
  quantity: number,
  note: string | null = null,
  options: readonly LineOption[] = [],
): OpData["addLine"] {
  return {
    lineId,
    itemId: item.id,
    name: item.name,
    unitPrice: item.price,
    vatRate: item.vatRate,
    quantity,
    note,
    // Absent when none: an add without options is the op it always was.
    ...(options.length > 0 ? { options: [...options] } : {}),
  };
}

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly approver?: Approver | null;
}

/** An op before its envelope. */
export type OpDraft = { [K in OpKind]: { readonly kind: K; readonly data: OpData[K] } }[OpKind];

export type ChangePlan =
  | { readonly ok: true; readonly drafts: readonly OpDraft[] }
  | { readonly ok: false; readonly code: ChangeRefusalCode };

const refuse = (code: ChangeRefusalCode): ChangePlan => ({ ok: false, code });

/** The right an intent needs on this order. */
export function permissionFor(order: Order | null, intent: OrderIntent): Permission {
  switch (intent.kind) {
    case "open":
    case "addLine":
    case "editLine":
    case "moveTable":
    case "markReady":
      return "orders.write";
    case "setQuantity": {
      const line = order?.lines.find((candidate) => candidate.id === intent.lineId);
      return line && intent.quantity < line.quantity ? "orders.reduce" : "orders.write";
    }
    case "voidLine":
    case "voidOrder":
      return "orders.void";
    case "discount":
    case "discountLine":
      return "orders.discount";
    case "pay":
    case "payPart":
      return "orders.pay";
    case "refund":
      return "orders.refund";
  }
}

/**
 * Decides the ops an intent makes on an order as the device holds it (`null`: no such order
 * yet), or why it may not: the one place both services decide who may change what (the
 * permissions table) and what a change means ("pay, then close once covered"). The ops it plans
 * still pass `validateOp` one by one in `stampOps`.
 */
export function planChange(
  order: Order | null,
  intent: OrderIntent,
  actor: Actor,
  rules: OrderRules = DEFAULT_ORDER_RULES,
): ChangePlan {
  const needed = permissionFor(order, intent);
  // A discount within the role's limit is anyone's who serves; above it, a manager's.
  const permission =
    needed === "orders.discount" && discountWithinLimit(order, intent, actor.role, rules)
      ? "orders.write"
      : needed;
  const authorized = authorize(actor, permission);
  if (!authorized.ok) return authorized;
  const approval = authorized.approvedBy === null ? {} : { approvedBy: authorized.approvedBy };

  switch (intent.kind) {
    case "open":
      return plan({
        kind: "open",
        data: { number: intent.number, tableId: intent.tableId, storeId: intent.storeId },
      });
    case "addLine": {
      const held = [...(order?.lines ?? []), ...(order?.voidedLines ?? [])].find(
        (line) => line.id === intent.lineId,
      );
      if (held) return held.itemId === intent.item.id ? plan() : refuse("LINE_EXISTS");
      // A retried add of a line made before the item sold out still answers (above).
      if (intent.item.soldOut === true) return refuse("ITEM_SOLD_OUT");
      return plan({
        kind: "addLine",
        data: lineOf(intent.item, intent.lineId, intent.quantity, intent.note, intent.options),
      });
    }
    case "editLine": {
      const data: OpData["editLine"] = { lineId: intent.lineId };
      if (intent.note !== undefined) data.note = intent.note;
      if (intent.options !== undefined) data.options = [...intent.options];
      return plan({ kind: "editLine", data });
    }
    case "setQuantity": {
      if (permission !== "orders.reduce") {
        return plan({ kind: "setQuantity", data: { lineId: intent.lineId, quantity: intent.quantity } });
      }
      if (!intent.reason?.trim()) return refuse("REASON_REQUIRED");
      const data = { lineId: intent.lineId, quantity: intent.quantity, reason: intent.reason, ...approval };
      return plan({ kind: "setQuantity", data });
    }
    case "voidLine":
      return plan({ kind: "voidLine", data: { lineId: intent.lineId, reason: intent.reason, ...approval } });
    case "discount": {
      const terms = discountTermsOf(intent, order?.subtotal ?? ZERO);
      return plan({ kind: "discount", data: { ...terms, reason: intent.reason, ...approval } });
    }
    case "discountLine": {
      const line = order?.lines.find((candidate) => candidate.id === intent.lineId);
      if (!line) return refuse("LINE_NOT_FOUND");
      const terms = discountTermsOf(intent, grossOf(line));
      const data = { lineId: intent.lineId, ...terms, reason: intent.reason, ...approval };
      return plan({ kind: "discountLine", data });
    }
    case "moveTable":
      return plan({ kind: "moveTable", data: { tableId: intent.tableId } });
    case "pay": {
      if (order?.payments.some((payment) => payment.id === intent.paymentId)) return plan(); // a retry
      const payment: OpDraft = {
        kind: "addPayment",
        data: { paymentId: intent.paymentId, method: intent.method, amount: intent.amount },
      };
      if (!order || order.paid + intent.amount < order.total) return plan(payment);
      return plan(payment, { kind: "close", data: { total: order.total } });
    }
    case "payPart":
      return planPartPayment(order, intent);
    case "voidOrder":
      // Undoing a sale is for those who may take money, whoever approves it.
      if (order?.status === "paid" && !can(actor.role, "orders.pay")) return refuse("FORBIDDEN");
      return plan({ kind: "voidOrder", data: { reason: intent.reason, ...approval } });
    case "markReady":
      return plan({ kind: "markReady", data: { lineIds: [...new Set(intent.lineIds)] } });
    case "refund": {
      if (order?.refunds.some((refund) => refund.id === intent.refundId)) return plan(); // a retry
      const { refundId, amount, method, reason } = intent;
      const lines = intent.lineIds === undefined ? {} : { lineIds: [...intent.lineIds] };
      return plan({ kind: "refund", data: { refundId, amount, method, reason, ...lines, ...approval } });
    }
  }
}

/**
 * Whether `actor` may do what `permission` names: by role, or with an approving manager where
 * the table allows it. Answers who approved (null: the actor's own right).
 */
export function authorize(
  actor: Actor,
  permission: Permission,
):
  | { readonly ok: true; readonly approvedBy: string | null }
  | { readonly ok: false; readonly code: ChangeRefusalCode } {
  if (can(actor.role, permission)) return { ok: true, approvedBy: null };
  if (!APPROVABLE.includes(permission)) return { ok: false, code: "FORBIDDEN" };
  if (!actor.approver) return { ok: false, code: "MANAGER_PIN_REQUIRED" };
  if (!mayApprove(actor.approver.role, permission)) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, approvedBy: actor.approver.userId };
}

/** What the store's settings say of changes: how big a discount each role may give alone. */
export interface OrderRules {
  readonly discountLimits: DiscountLimits;
}
export const DEFAULT_ORDER_RULES: OrderRules = { discountLimits: DEFAULT_DISCOUNT_LIMITS };

/** A line's amount before its own discount. */
const grossOf = (line: OrderLine): Dong => multiplyDong(line.unitPrice, line.quantity);

/** What a discount is taken off: its line before the line's own discount, or the bill's subtotal. */
export function discountBase(
  order: Order | null,
  target: { readonly lineId?: string | undefined },
): Dong | null {
  if (target.lineId === undefined) return order?.subtotal ?? ZERO;
  const line = order?.lines.find((candidate) => candidate.id === target.lineId);
  return line ? grossOf(line) : null;
}

function discountWithinLimit(
  order: Order | null,
  intent: OrderIntent,
  role: Role,
  rules: OrderRules,
): boolean {
  if (intent.kind !== "discount" && intent.kind !== "discountLine") return false;
  const base = discountBase(order, intent.kind === "discountLine" ? intent : {});
  return base !== null && withinDiscountLimit(role, intent, base, rules.discountLimits);
}

/** A percent discount's op says what it takes off now as well, for folds that know no percent. */
function discountTermsOf(intent: DiscountTerms, base: Dong): { amount: Dong; percent?: number } {
  if (intent.percent === undefined) return { amount: intent.amount };
  return { amount: discountOff(intent, base), percent: intent.percent };
}

/** A part's payment of exactly its due, closing the order when it covers the total. */
function planPartPayment(order: Order | null, intent: Extract<OrderIntent, { kind: "payPart" }>): ChangePlan {
  if (order?.payments.some((payment) => payment.id === intent.paymentId)) return plan(); // a retry
  if (!order) return refuse("ORDER_NOT_OPEN");
  const part = { index: intent.index, count: intent.count };
  const checked = checkPart(order, part);
  if (!checked.ok) return refuse(checked.code);
  const amount = partDue(order, intent.count, intent.index);
  if (amount <= 0) return refuse("PART_INVALID");
  const payment: OpDraft = {
    kind: "addPayment",
    data: { paymentId: intent.paymentId, method: intent.method, amount, part },
  };
  if (order.paid + amount < order.total) return plan(payment);
  return plan(payment, { kind: "close", data: { total: order.total } });
}

function plan(...drafts: OpDraft[]): ChangePlan {
  return { ok: true, drafts };
}

/** The envelope a device gives the ops of one change. */
export interface OpStamp {
  readonly deviceId: string;
  readonly userId: string;
  /** The device's `deviceSeq` for the first op; the others follow. */
  readonly firstSeq: number;
  /** The device's time, already corrected if its clock is known to be off. */
  readonly nowMs: number;
  readonly newId: IdGenerator;
}

export type StampedChange =
  | { readonly ok: true; readonly ops: readonly Op[]; readonly order: Order }
  | { readonly ok: false; readonly code: OrderRuleCode };

/**
 * Envelopes planned ops and checks each with `validateOp` against the fold so far; answers the
 * new ops and the order they fold to, or the first rule refused (then nothing is to be stored).
 * Ops are never stamped before the latest op the device has seen: fields are last-writer-wins by
 * time, and a change made after looking at an order must win over what it looked at.
 */
export function stampOps(
  orderId: string,
  held: readonly Op[],
  drafts: readonly OpDraft[],
  stamp: OpStamp,
): StampedChange {
  let order = held.length > 0 ? foldOrder(orderId, held) : null;
  const seen = order?.updatedAt ? Date.parse(order.updatedAt) + 1 : 0;
  const at = new Date(Math.max(stamp.nowMs, seen)).toISOString();
  const ops: Op[] = [];
  for (const [index, draft] of drafts.entries()) {
    const envelope = {
      id: stamp.newId(),
      orderId,
      deviceId: stamp.deviceId,
      deviceSeq: stamp.firstSeq + index,
      at,
      userId: stamp.userId,
    };
    const op = { ...envelope, ...draft } as Op; // a draft's kind and data always agree (OpDraft)
    const verdict = validateOp(order, op);
    if (!verdict.ok) return { ok: false, code: verdict.code };
    ops.push(op);
    order = foldOrder(orderId, [...held, ...ops]);
  }
  if (!order) throw new Error("a change on no order must open it");
  return { ok: true, ops, order };
}
