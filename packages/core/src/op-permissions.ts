import type { Op } from "./order-op.js";
import type { Permission } from "./permissions.js";

/**
 * The right an op's kind needs from the user who made it, for every tier that takes pushed ops
 * (the cloud, and a shop's hub station): a lowered quantity also needs `orders.reduce`, and a
 * discount beyond the maker's limit `orders.discount`, found by folding the order before it.
 */
export const OP_KIND_PERMISSION: Readonly<Record<Op["kind"], Permission>> = {
  open: "orders.write",
  addLine: "orders.write",
  setQuantity: "orders.write",
  moveTable: "orders.write",
  voidLine: "orders.void",
  voidOrder: "orders.void",
  // Anyone who serves may discount within their role's limit; beyond it, `discountToCheck`.
  discount: "orders.write",
  discountLine: "orders.write",
  addPayment: "orders.pay",
  close: "orders.pay",
  markReady: "orders.write",
  refund: "orders.refund",
  splitLine: "orders.split",
  editLine: "orders.write",
};

/**
 * The right one op needs: its kind's, except that the voids a merge makes (`mergedInto`) need
 * the merge right, which cashiers hold without the void right (see `planMerge`).
 */
export function opPermission(op: Op): Permission {
  if ((op.kind === "voidLine" || op.kind === "voidOrder") && op.data.mergedInto !== undefined)
    return "orders.merge";
  return OP_KIND_PERMISSION[op.kind];
}
