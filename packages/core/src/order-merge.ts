import type { Order } from "./order.js";
import { type Actor, authorize, type OpDraft } from "./order-change.js";
import type { ChangeRefusalCode } from "./order-validate.js";
import type { IdGenerator } from "./uuid-v7.js";

/** A plan that moves lines between two orders: the ops on the one they go to and on the one they leave. */
export type TwoOrderPlan =
  | { readonly ok: true; readonly into: readonly OpDraft[]; readonly from: readonly OpDraft[] }
  | { readonly ok: false; readonly code: ChangeRefusalCode };

/**
 * A merge's plan: `into` adds each of the other order's lines under a new line id; `from` voids
 * each line, then the order.
 */
export type MergePlan = TwoOrderPlan;

/**
 * Merges the open order `from` into the open order `into` as plain ops, the same at every device:
 * each active line of `from` is added to `into` (same item, price, VAT, quantity, note and options), then
 * voided on `from` with a reason naming `into`, and the emptied `from` is voided. The voids carry
 * `mergedInto`, so they need the merge right, not the void right (`opPermission`). An order with
 * payments or a discount is refused (MERGE_REFUSED): those do not carry over by themselves.
 */
export function planMerge(from: Order, into: Order, actor: Actor, newLineId: IdGenerator): MergePlan {
  const allowed = authorize(actor, "orders.merge");
  if (!allowed.ok) return allowed;
  const refused = from.id === into.id || from.status !== "open" || into.status !== "open";
  if (refused || from.paid > 0 || from.discount > 0) return { ok: false, code: "MERGE_REFUSED" };
  const reason = `Gộp vào ${into.number ?? into.id}`;
  const mergedInto = into.id;
  return {
    ok: true,
    into: from.lines.map((line) => ({
      kind: "addLine",
      data: {
        lineId: newLineId(),
        itemId: line.itemId,
        name: line.name,
        // The item's own price: the options ride along and add theirs again on the merged line.
        unitPrice: line.basePrice ?? line.unitPrice,
        vatRate: line.vatRate,
        quantity: line.quantity,
        note: line.note,
        ...(line.options && line.options.length > 0 ? { options: [...line.options] } : {}),
      },
    })),
    from: [
      ...from.lines.map(
        (line): OpDraft => ({ kind: "voidLine", data: { lineId: line.id, reason, mergedInto } }),
      ),
      { kind: "voidOrder", data: { reason, mergedInto } },
    ],
  };
}
