import { lineTitle, type Order, type OrderLine } from "@quay/core";
import type { Printer, TicketKind, TicketLine } from "@quay/protocol";

/** What one batch of ops changed in what the bar and the kitchen make. */
export interface OrderChange {
  /** Lines new to the order, and the extra quantity of lines raised. */
  readonly added: readonly KitchenLine[];
  /** Lines voided, the quantity taken off lines lowered, every line of a voided order. */
  readonly cancelled: readonly KitchenLine[];
  /** The table it moved from, when it moved (null: from take-away). */
  readonly movedFrom: { readonly tableId: string | null } | null;
}

export interface KitchenLine extends TicketLine {
  readonly itemId: string;
}

/** One ticket to write: which printer, what kind, which lines. */
export interface PlannedTicket {
  readonly printer: Printer;
  readonly kind: Extract<TicketKind, "items" | "cancel" | "move">;
  readonly lines: readonly KitchenLine[];
}

/** What the kitchen reads of a line: its name with its options ("Trà sữa (L, Trân châu)"). */
const kitchenLine = (line: OrderLine, quantity: number): KitchenLine => ({
  itemId: line.itemId,
  name: lineTitle(line),
  quantity,
  note: line.note,
});

/**
 * Compares an order before and after a batch of ops (both folds): what must be made, what must
 * not be made any more, and whether the table changed. An order not opened before the batch (its
 * first ops) has no table to move from.
 */
export function orderChange(before: Order, after: Order): OrderChange {
  const previous = new Map(before.lines.map((line) => [line.id, line]));
  const voidedBefore = new Set(before.voidedLines.map((line) => line.id));
  const added: KitchenLine[] = [];
  const cancelled: KitchenLine[] = [];
  if (after.status === "void") {
    if (before.status !== "void")
      cancelled.push(...before.lines.map((line) => kitchenLine(line, line.quantity)));
    return { added, cancelled, movedFrom: null };
  }
  for (const line of after.lines) {
    const prior = previous.get(line.id);
    if (!prior) {
      if (!voidedBefore.has(line.id)) added.push(kitchenLine(line, line.quantity));
    } else if (lineTitle(line) !== lineTitle(prior) || line.note !== prior.note) {
      // An edit before the kitchen had it (`editLine`): what was asked is off, the new one on.
      cancelled.push(kitchenLine(prior, prior.quantity));
      added.push(kitchenLine(line, line.quantity));
    } else if (line.quantity > prior.quantity) {
      added.push(kitchenLine(line, line.quantity - prior.quantity));
    } else if (line.quantity < prior.quantity) {
      cancelled.push(kitchenLine(line, prior.quantity - line.quantity));
    }
  }
  for (const line of after.voidedLines) {
    const prior = previous.get(line.id);
    if (prior) cancelled.push(kitchenLine(prior, prior.quantity));
  }
  const moved = before.number !== null && before.tableId !== after.tableId;
  return { added, cancelled, movedFrom: moved ? { tableId: before.tableId } : null };
}

/**
 * Routes a change to the store's active kitchen printers by the lines' categories: one ticket per
 * printer per kind, none for a printer whose categories the batch does not touch. A move notice
 * goes to every printer making something still on the order (`after`'s lines).
 */
export function planTickets(
  change: OrderChange,
  after: Order,
  printers: readonly Printer[],
  categoryOf: (itemId: string) => string | undefined,
): PlannedTicket[] {
  const planned: PlannedTicket[] = [];
  for (const printer of printers) {
    if (printer.kind !== "kitchen" || !printer.active) continue;
    const makes = (itemId: string) => {
      const category = categoryOf(itemId);
      return category !== undefined && printer.categoryIds.includes(category);
    };
    const added = change.added.filter((line) => makes(line.itemId));
    const cancelled = change.cancelled.filter((line) => makes(line.itemId));
    if (added.length > 0) planned.push({ printer, kind: "items", lines: added });
    if (cancelled.length > 0) planned.push({ printer, kind: "cancel", lines: cancelled });
    if (change.movedFrom && after.lines.some((line) => makes(line.itemId))) {
      planned.push({ printer, kind: "move", lines: [] });
    }
  }
  return planned;
}

/**
 * The lines of a ticket that takes more lines: the same item with the same note once, its
 * quantities added (two taps on "Cà phê sữa đá" print "2 x"), the others after, in tap order.
 */
export function joinLines(kept: readonly TicketLine[], added: readonly TicketLine[]): TicketLine[] {
  const lines = [...kept];
  for (const line of added) {
    const at = lines.findIndex((entry) => entry.name === line.name && entry.note === line.note);
    const same = lines[at];
    if (same) lines[at] = { ...same, quantity: same.quantity + line.quantity };
    else lines.push(line);
  }
  return lines;
}
