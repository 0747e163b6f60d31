import { type DiscountLimits, withinDiscountLimit } from "./discounts.js";
import { ZERO } from "./money.js";
import { opPermission } from "./op-permissions.js";
import { discountBase } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import { compareOps, type Op, type OpOf } from "./order-op.js";
import { can, mayApprove, type Permission, type Role } from "./permissions.js";

/** What the receiver of a push may judge a pushed op's rights by, beyond the op itself. */
export interface PushedOpRights {
  /** The maker's role. */
  readonly role: Role;
  /** The maker holds the op's right, or an active manager it names approved it. */
  readonly allowed: boolean;
  /** A quantity change by someone who may not reduce: it must not lower the quantity. */
  readonly reductionToCheck: boolean;
  /** A merge by someone who may not void: its voids must be backed (`unbackedMergeVoid`). */
  readonly mergeVoidsToCheck: boolean;
  /** A discount by someone who may not give any: it must be within their role's limit (`exceedsDiscountLimit`). */
  readonly discountToCheck: boolean;
}

/**
 * The rights of a pushed op's maker, as the cloud and a shop's hub both judge them (each a
 * receiver that trusts no device): the maker's role, with the approval of the manager named in
 * `approvedBy` counted. `activeRole` answers a user's role in the store, null for anyone not on
 * its active staff; null here when the maker is not.
 */
export function pushedOpRights(
  op: Op,
  activeRole: (userId: string | undefined) => Role | null,
): PushedOpRights | null {
  const role = activeRole(op.userId);
  if (role === null) return null;
  const approver = activeRole("approvedBy" in op.data ? op.data.approvedBy : undefined);
  const holds = (right: Permission) => can(role, right) || (approver !== null && mayApprove(approver, right));
  const permission = opPermission(op);
  return {
    role,
    allowed: holds(permission),
    reductionToCheck: op.kind === "setQuantity" && !holds("orders.reduce"),
    mergeVoidsToCheck: permission === "orders.merge" && !holds("orders.void"),
    discountToCheck: (op.kind === "discount" || op.kind === "discountLine") && !holds("orders.discount"),
  };
}

/** The orders whose ops judge these merges' voids: their own, and the orders merged into. */
export function mergeVoidOrderIds(merges: Iterable<Op>): Set<string> {
  const orderIds = new Set<string>();
  for (const op of merges) {
    orderIds.add(op.orderId);
    if ("mergedInto" in op.data && op.data.mergedInto) orderIds.add(op.data.mergedInto);
  }
  return orderIds;
}

/**
 * The orders a push opens, by number; throws `refuse` for an op that opens a second order under
 * a number the same push already gave another (invoice numbers are unique in the tenant).
 */
export function pushedNumbers(ops: readonly Op[], refuse: (op: Op) => Error): Map<string, Op> {
  const byNumber = new Map<string, Op>();
  for (const op of ops) {
    if (op.kind !== "open") continue;
    const first = byNumber.get(op.data.number);
    if (first && first.orderId !== op.orderId) throw refuse(op);
    byNumber.set(op.data.number, op);
  }
  return byNumber;
}

/**
 * Whether a quantity change lowers its line's quantity, as the ops of its order before it in
 * `known` (held and pushed, in any order) leave the line.
 */
export function lowersQuantity(change: OpOf<"setQuantity">, known: readonly Op[]): boolean {
  const before = known.filter((op) => op.orderId === change.orderId && compareOps(op, change) < 0);
  const line = foldOrder(change.orderId, before).lines.find(
    (candidate) => candidate.id === change.data.lineId,
  );
  return line !== undefined && change.data.quantity < line.quantity;
}

/**
 * Whether a discount takes off more than `role` may give alone, on the order as the ops before it
 * in `known` (held and pushed, in any order) leave it; a line not there yet has nothing to take off.
 */
export function exceedsDiscountLimit(
  change: OpOf<"discount"> | OpOf<"discountLine">,
  known: readonly Op[],
  role: Role,
  limits: DiscountLimits,
): boolean {
  const before = known.filter((op) => op.orderId === change.orderId && compareOps(op, change) < 0);
  const base = discountBase(
    foldOrder(change.orderId, before),
    change.kind === "discountLine" ? change.data : {},
  );
  return !withinDiscountLimit(role, change.data, base ?? ZERO, limits);
}
