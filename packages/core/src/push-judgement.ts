import type { DiscountLimits } from "./discounts.js";
import { unbackedMergeVoid } from "./merge-void-check.js";
import type { Op } from "./order-op.js";
import type { Role } from "./permissions.js";
import {
  exceedsDiscountLimit,
  lowersQuantity,
  mergeVoidOrderIds,
  pushedOpRights,
} from "./pushed-op-rules.js";
import { splitOrderIds, unbackedSplit } from "./split-check.js";

/** A pushed op its maker's rights refuse, with what to say of it. */
export interface PushFault {
  readonly op: Op;
  readonly code: "OP_USER_UNKNOWN" | "OP_NOT_ALLOWED";
  readonly detail: string;
}

/**
 * A push's ops judged by their makers' rights: a fault found from the ops alone, or the orders
 * whose held ops the remaining rules read and the judge that reads them.
 */
export type PushRights =
  | { readonly fault: PushFault }
  | {
      readonly fault: null;
      /** The orders whose held ops `judge` needs (empty when no rule reads any). */
      readonly orderIds: ReadonlySet<string>;
      /** The first op at fault, given the held ops of `orderIds` (a superset does no harm). */
      readonly judge: (held: readonly Op[]) => PushFault | null;
    };

/** A pushed op to be judged by its order as the ops before it leave it. */
interface OrderRule {
  readonly op: Op;
  readonly why: string;
  readonly faulty: (known: readonly Op[]) => boolean;
}

const notAllowed = (op: Op, detail: string): PushFault => ({ op, code: "OP_NOT_ALLOWED", detail });

/**
 * The rights rules that the cloud and a shop's hub, each a receiver that trusts no device, judge
 * a push by (docs/security.md): every op made by an active user of the store holding its right or
 * approved by a manager; no quantity lowered without the right to reduce; no discount beyond its
 * maker's limit; no merge void without the merged line behind it; no split without the line it
 * added. Each receiver loads `orderIds`' held ops its own way, once per push.
 */
export function judgePushRights(
  pushed: readonly Op[],
  activeRole: (userId: string | undefined) => Role | null,
  limits: DiscountLimits,
): PushRights {
  const rules: OrderRule[] = [];
  const mergeVoids = new Set<Op>();
  for (const op of pushed) {
    const rights = pushedOpRights(op, activeRole);
    if (!rights) return { fault: { op, code: "OP_USER_UNKNOWN", detail: `user ${op.userId}` } };
    if (!rights.allowed) return { fault: notAllowed(op, `${rights.role} may not ${op.kind}`) };
    if (rights.reductionToCheck && op.kind === "setQuantity") {
      rules.push({ op, why: "an unapproved reduction", faulty: (known) => lowersQuantity(op, known) });
    }
    if (rights.discountToCheck && (op.kind === "discount" || op.kind === "discountLine")) {
      const { role } = rights;
      const why = "an unapproved discount beyond its maker's limit";
      rules.push({ op, why, faulty: (known) => exceedsDiscountLimit(op, known, role, limits) });
    }
    if (rights.mergeVoidsToCheck) mergeVoids.add(op);
  }
  const orderIds = new Set([
    ...rules.map((rule) => rule.op.orderId),
    ...mergeVoidOrderIds(mergeVoids),
    ...splitOrderIds(pushed),
  ]);
  const pushedIds = new Set(pushed.map((op) => op.id));
  const judge = (held: readonly Op[]): PushFault | null => {
    const known = [...held, ...pushed];
    for (const rule of rules) if (rule.faulty(known)) return notAllowed(rule.op, rule.why);
    const unbackedVoid = mergeVoids.size > 0 ? unbackedMergeVoid(known, (op) => !mergeVoids.has(op)) : null;
    if (unbackedVoid) return notAllowed(unbackedVoid, "a merge void with no merged line behind it");
    // Only the push's own splits are judged: a held one was judged when it came, and the order it
    // went to need not be among those loaded.
    const split = unbackedSplit(known, (op) => pushedIds.has(op.id));
    return split ? notAllowed(split, "a split with no line added for it") : null;
  };
  return { fault: null, orderIds, judge };
}
