import { dong, type LineOption, lineUnitPrice, sameOptions } from "@quay/core";
import { newUuid } from "../../shared/id/new-uuid.js";
import { itemCount } from "../../shared/order/item-count.js";

/**
 * Items a waiter is entering for a table, kept on the phone until the server confirms each one.
 * `draft`: not sent yet (editable); `sending`: a call is out; `failed`: the call failed or its
 * outcome is unknown — sent again under the same line id, so the server adds it at most once.
 */
export type DraftState = "draft" | "sending" | "failed";

export interface DraftLine {
  /** The phone's own line id: the server adds a line with this id at most once. */
  readonly lineId: string;
  readonly itemId: string;
  readonly name: string;
  /** The item's price, and with its options (what one costs). */
  readonly basePrice?: number;
  readonly unitPrice: number;
  /** The options chosen, with their names and prices then (absent from drafts kept before options). */
  readonly options?: readonly LineOption[];
  readonly quantity: number;
  readonly note: string;
  readonly state: DraftState;
  readonly error: string | null;
}

/** The order a draft was meant for, closed at the counter before its items were sent. */
export interface ClosedOrder {
  readonly number: string | null;
  readonly status: "paid" | "void";
}

export interface TableDraft {
  /** The order the lines go to: the table's open order, or the id the phone will open it under. */
  readonly orderId: string;
  readonly lines: readonly DraftLine[];
  /**
   * Set once that order turns out paid or voided: nothing is sent until the waiter chooses to
   * send the items to the table anyway or to drop them (never a new order opened silently).
   */
  readonly closed?: ClosedOrder | undefined;
}

/** Drafts by table id. */
export type Drafts = Readonly<Record<string, TableDraft>>;

export type DraftAction =
  | {
      type: "add";
      tableId: string;
      orderId: string;
      item: { id: string; name: string; price: number };
      note: string;
      options?: readonly LineOption[];
    }
  | { type: "quantity"; tableId: string; lineId: string; delta: 1 | -1 }
  | { type: "edit"; tableId: string; lineId: string; note: string; options?: readonly LineOption[] }
  | { type: "remove"; tableId: string; lineId: string }
  | { type: "sending"; tableId: string; lineIds: readonly string[] }
  | { type: "sent"; lineIds: readonly string[] }
  | { type: "failed"; tableId: string; lineIds: readonly string[]; error: string }
  | { type: "reorder"; tableId: string; orderId: string }
  | ({ type: "closed"; orderId: string } & ClosedOrder)
  | { type: "drop"; tableId: string }
  | { type: "reset"; drafts: Drafts };

const updateLines = (
  drafts: Drafts,
  tableId: string,
  change: (lines: readonly DraftLine[]) => readonly DraftLine[],
): Drafts => {
  const draft = drafts[tableId];
  if (!draft) return drafts;
  const lines = change(draft.lines);
  // Nothing changed: the same state, so nothing re-renders or is saved again.
  if (lines.length === draft.lines.length && lines.every((line, index) => line === draft.lines[index])) {
    return drafts;
  }
  if (lines.length === 0) {
    const { [tableId]: _removed, ...rest } = drafts;
    return rest;
  }
  return { ...drafts, [tableId]: { ...draft, lines } };
};

const editable = (line: DraftLine) => line.state === "draft";

export function draftsReducer(drafts: Drafts, action: DraftAction): Drafts {
  switch (action.type) {
    case "add": {
      const draft = drafts[action.tableId] ?? { orderId: action.orderId, lines: [] };
      const options = action.options ?? [];
      const same = draft.lines.find(
        (line) =>
          editable(line) &&
          line.itemId === action.item.id &&
          line.note === action.note &&
          sameOptions(line.options, options),
      );
      const lines = same
        ? draft.lines.map((line) => (line === same ? { ...line, quantity: line.quantity + 1 } : line))
        : [
            ...draft.lines,
            {
              lineId: newUuid(),
              itemId: action.item.id,
              name: action.item.name,
              basePrice: action.item.price,
              unitPrice: lineUnitPrice(dong(action.item.price), options),
              options,
              quantity: 1,
              note: action.note,
              state: "draft" as const,
              error: null,
            },
          ];
      return { ...drafts, [action.tableId]: { ...draft, lines } };
    }
    case "quantity":
      return updateLines(drafts, action.tableId, (lines) =>
        lines.flatMap((line) => {
          if (line.lineId !== action.lineId || !editable(line)) return [line];
          const quantity = line.quantity + action.delta;
          return quantity <= 0 ? [] : [{ ...line, quantity: Math.min(quantity, 9_999) }];
        }),
      );
    case "edit":
      return updateLines(drafts, action.tableId, (lines) =>
        lines.map((line) => {
          if (line.lineId !== action.lineId || !editable(line)) return line;
          if (action.options === undefined) return { ...line, note: action.note };
          const basePrice = dong(line.basePrice ?? line.unitPrice);
          return {
            ...line,
            note: action.note,
            options: action.options,
            unitPrice: lineUnitPrice(basePrice, action.options),
          };
        }),
      );
    case "remove":
      // A line being sent stays until its answer comes back.
      return updateLines(drafts, action.tableId, (lines) =>
        lines.filter((line) => line.lineId !== action.lineId || line.state === "sending"),
      );
    case "sending":
      return updateLines(drafts, action.tableId, (lines) =>
        lines.map((line) =>
          action.lineIds.includes(line.lineId) ? { ...line, state: "sending" as const, error: null } : line,
        ),
      );
    case "sent":
      return removeSent(drafts, new Set(action.lineIds));
    case "failed":
      return updateLines(drafts, action.tableId, (lines) =>
        lines.map((line) =>
          action.lineIds.includes(line.lineId)
            ? { ...line, state: "failed" as const, error: action.error }
            : line,
        ),
      );
    case "reorder": {
      const draft = drafts[action.tableId];
      if (!draft) return drafts;
      const { closed: _closed, ...rest } = draft;
      return { ...drafts, [action.tableId]: { ...rest, orderId: action.orderId } };
    }
    case "closed": {
      const closed: ClosedOrder = { number: action.number, status: action.status };
      let next = drafts;
      for (const [tableId, draft] of Object.entries(drafts)) {
        if (draft.orderId !== action.orderId || draft.closed !== undefined) continue;
        // A line still on its way did not reach the closed order: it waits for the waiter again.
        const lines = draft.lines.map((line) =>
          line.state === "sending" ? { ...line, state: "draft" as const, error: null } : line,
        );
        next = { ...next, [tableId]: { ...draft, lines, closed } };
      }
      return next;
    }
    case "drop": {
      const { [action.tableId]: _dropped, ...rest } = drafts;
      return action.tableId in drafts ? rest : drafts;
    }
    case "reset":
      return action.drafts;
  }
}

/** Drops the lines the server holds (their ids are on its orders): they were sent after all. */
export function removeSent(drafts: Drafts, sentLineIds: ReadonlySet<string>): Drafts {
  let next = drafts;
  for (const tableId of Object.keys(drafts)) {
    next = updateLines(next, tableId, (lines) =>
      lines.some((line) => sentLineIds.has(line.lineId))
        ? lines.filter((line) => !sentLineIds.has(line.lineId))
        : lines,
    );
  }
  return next;
}

/** Drafts as kept in storage: a call in flight when the page went away has an unknown outcome. */
export function restoredDrafts(value: unknown): Drafts {
  if (typeof value !== "object" || value === null) return {};
  const drafts: Record<string, TableDraft> = {};
  for (const [tableId, draft] of Object.entries(value as Record<string, TableDraft>)) {
    if (typeof draft?.orderId !== "string" || !Array.isArray(draft.lines)) continue;
    const lines = draft.lines.map((line) =>
      line.state === "sending" ? { ...line, state: "failed" as const, error: line.error } : line,
    );
    const closed = isClosedOrder(draft.closed) ? { closed: draft.closed } : {};
    if (lines.length > 0) drafts[tableId] = { orderId: draft.orderId, lines, ...closed };
  }
  return drafts;
}

function isClosedOrder(value: unknown): value is ClosedOrder {
  if (typeof value !== "object" || value === null) return false;
  const { number, status } = value as Record<string, unknown>;
  return (typeof number === "string" || number === null) && (status === "paid" || status === "void");
}

export const draftCount = (draft: TableDraft | undefined) =>
  draft === undefined ? 0 : itemCount(draft.lines);
