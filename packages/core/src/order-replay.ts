import { foldOrder } from "./order-fold.js";
import { compareOps, type Op } from "./order-op.js";
import { type OrderRuleCode, validateOp } from "./order-validate.js";

export interface ReplayResult {
  /** The ops that pass, in the order they apply. */
  readonly kept: readonly Op[];
  /** The ops the rules refuse against the order as it stood before each of them. */
  readonly refused: readonly { readonly op: Op; readonly code: OrderRuleCode }[];
}

/**
 * Replays an order's ops through `validateOp` in the order they apply, leaving out each op that
 * `checkable` selects and the rules refuse (and so every op that only stood on one refused).
 * Ops not `checkable` (those the server already holds) are kept as they are. This is how a
 * counter finds the changes the server cannot take in an order made before it checked them.
 */
export function replayChecked(
  orderId: string,
  ops: Iterable<Op>,
  checkable: (op: Op) => boolean,
): ReplayResult {
  const sorted = [...new Map([...ops].map((op) => [op.id, op])).values()].sort(compareOps);
  const kept: Op[] = [];
  const refused: { op: Op; code: OrderRuleCode }[] = [];
  for (const op of sorted) {
    if (checkable(op)) {
      const before = kept.length > 0 ? foldOrder(orderId, kept) : null;
      const verdict = validateOp(before, op);
      if (!verdict.ok) {
        refused.push({ op, code: verdict.code });
        continue;
      }
    }
    kept.push(op);
  }
  return { kept, refused };
}
