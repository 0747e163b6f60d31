import type { Order, OrderLine } from "./order.js";
import { type Actor, authorize, type OpDraft } from "./order-change.js";
import type { TwoOrderPlan } from "./order-merge.js";
import type { OpData } from "./order-op.js";
import type { ChangeRefusalCode } from "./order-validate.js";
import type { IdGenerator } from "./uuid-v7.js";

/** A line, or some units of it, chosen to leave for the new order. */
export interface SplitChoice {
  readonly lineId: string;
  readonly quantity: number;
}

/** The order a split opens: its id and number from the splitting device, its table (or none). */
export interface SplitTarget {
  readonly orderId: string;
  readonly number: string;
  readonly tableId: string | null;
  readonly storeId: string;
}

/**
 * A split's plan: `into` opens the new order, then adds one line per choice under a new line id;
 * `from` has one `splitLine` per choice, naming the line it became.
 */
export type SplitPlan = TwoOrderPlan;

/** The `addLine` data of the new order's copy of `line`, `quantity` units of it. */
export function splitLineData(line: OrderLine, lineId: string, quantity: number): OpData["addLine"] {
  const { itemId, name, vatRate, note } = line;
  // The item's own price: the options ride along and add theirs again on the new line (as a merge's).
  const unitPrice = line.basePrice ?? line.unitPrice;
  const options = line.options && line.options.length > 0 ? { options: [...line.options] } : {};
  return { lineId, itemId, name, unitPrice, vatRate, quantity, note, ...options };
}

/**
 * Splits chosen lines (or units of a line: 3 of 5 cà phê) of the open order `source` onto a new
 * order ("Tách hóa đơn"), paid on its own, the same at every device: the new order is opened,
 * each choice is added to it as a line of its own, and taken off `source` by a `splitLine` naming
 * that line (a move, not a void or a reduction: it needs the split right only, and every tier
 * that takes pushed ops checks it is backed, `unbackedSplit`). Refused (SPLIT_REFUSED): an order
 * not open, with payments or a discount (they do not divide by themselves), no choice, or every
 * unit chosen (that is a table move); a line chosen twice or not on the order, LINE_NOT_FOUND; a
 * quantity beyond the line's, INVALID_QUANTITY.
 */
export function planSplit(
  source: Order,
  target: SplitTarget,
  choices: readonly SplitChoice[],
  actor: Actor,
  newLineId: IdGenerator,
): SplitPlan {
  const allowed = authorize(actor, "orders.split");
  if (!allowed.ok) return allowed;
  const refuse = (code: ChangeRefusalCode): SplitPlan => ({ ok: false, code });
  if (source.status !== "open" || source.paid > 0 || source.discount > 0) return refuse("SPLIT_REFUSED");
  if (choices.length === 0 || target.orderId === source.id) return refuse("SPLIT_REFUSED");
  if (new Set(choices.map((choice) => choice.lineId)).size !== choices.length)
    return refuse("LINE_NOT_FOUND");
  const chosen: { line: OrderLine; quantity: number }[] = [];
  for (const choice of choices) {
    const line = source.lines.find((candidate) => candidate.id === choice.lineId);
    if (!line) return refuse("LINE_NOT_FOUND");
    if (!Number.isInteger(choice.quantity) || choice.quantity < 1 || choice.quantity > line.quantity)
      return refuse("INVALID_QUANTITY");
    chosen.push({ line, quantity: choice.quantity });
  }
  const unitsLeft = source.lines.reduce((sum, line) => sum + line.quantity, 0) - sum(choices);
  if (unitsLeft === 0) return refuse("SPLIT_REFUSED");

  const moves = chosen.map(({ line, quantity }) => ({ line, quantity, intoLineId: newLineId() }));
  const { orderId, number, tableId, storeId } = target;
  return {
    ok: true,
    into: [
      { kind: "open", data: { number, tableId, storeId } },
      ...moves.map(
        ({ line, quantity, intoLineId }): OpDraft => ({
          kind: "addLine",
          data: splitLineData(line, intoLineId, quantity),
        }),
      ),
    ],
    from: moves.map(
      ({ line, quantity, intoLineId }): OpDraft => ({
        kind: "splitLine",
        data: { lineId: line.id, quantity, intoOrderId: orderId, intoLineId },
      }),
    ),
  };
}

const sum = (choices: readonly SplitChoice[]) =>
  choices.reduce((total, choice) => total + choice.quantity, 0);
