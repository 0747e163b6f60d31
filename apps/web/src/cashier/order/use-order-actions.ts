import { useCallback, useRef } from "react";
import type { DiscountAsked } from "../../shared/discount/use-discount-form.js";
import type { StationApi } from "../api/station-api.js";
import type { MenuItem, Order, PaymentMethod } from "../api/station-types.js";
import type { LineEdit } from "./line-edit-dialog.js";

interface OrderActionsInput {
  readonly api: StationApi;
  /** The order on screen; null while it is a draft, created with its first item. */
  readonly order: Order | null;
  /** The table a draft is for (null: take-away). */
  readonly tableId: string | null;
  readonly putOrder: (order: Order) => void;
  readonly onCreated: (order: Order) => void;
}

export interface OrderActions {
  /** `optionIds`: the options chosen, for an item that has some (absent: none offered). */
  readonly addItem: (item: MenuItem, note: string, optionIds?: readonly string[]) => Promise<Order>;
  readonly changeQuantity: (lineId: string, delta: number) => Promise<Order>;
  readonly editLine: (lineId: string, edit: LineEdit) => Promise<Order>;
  readonly voidLine: (lineId: string, reason: string, managerPin: string | null) => Promise<Order>;
  readonly voidOrder: (reason: string, managerPin: string | null) => Promise<Order>;
  readonly discount: (asked: DiscountAsked) => Promise<Order>;
  readonly move: (tableId: string | null) => Promise<Order>;
  readonly pay: (method: PaymentMethod, amount: number) => Promise<Order>;
}

function newer(a: Order | null, b: Order | null): Order | null {
  if (a === null) return b;
  if (b === null || b.id !== a.id) return a;
  return (b.updatedAt ?? "") > (a.updatedAt ?? "") ? b : a;
}

/**
 * The changes a cashier makes to one order. They run one after another, each on the latest
 * state the previous one answered with, so two quick taps on "+" make two more, not one.
 */
export function useOrderActions({
  api,
  order,
  tableId,
  putOrder,
  onCreated,
}: OrderActionsInput): OrderActions {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastAnswer = useRef<Order | null>(null);
  const shown = useRef(order);
  shown.current = order;
  const context = useRef({ api, tableId, putOrder, onCreated });
  context.current = { api, tableId, putOrder, onCreated };

  const run = useCallback((task: (latest: Order | null) => Promise<Order>): Promise<Order> => {
    const result = queue.current.then(() => task(newer(shown.current, lastAnswer.current)));
    queue.current = result.then(
      (answer) => {
        lastAnswer.current = answer;
        context.current.putOrder(answer);
      },
      () => undefined,
    );
    return result;
  }, []);

  const ensureOrder = useCallback(async (latest: Order | null): Promise<Order> => {
    if (latest !== null) return latest;
    const { api: station, tableId: table, putOrder: put, onCreated: created } = context.current;
    const opened = await station.createOrder(table);
    lastAnswer.current = opened;
    put(opened);
    created(opened);
    return opened;
  }, []);

  const lineOf = (latest: Order | null, lineId: string) => {
    const line = latest?.lines.find((candidate) => candidate.id === lineId);
    if (latest === null || line === undefined) throw new Error(`line ${lineId} is not on the order`);
    return { latest, line };
  };

  return {
    addItem: (item, note, optionIds) =>
      run(async (latest) => {
        const current = await ensureOrder(latest);
        const wanted = note.trim();
        const choice = (optionIds ?? []).join(",");
        // Another tap on the same item (same note, same options) adds to its line rather than a new line.
        const same = current.lines.find(
          (line) =>
            line.itemId === item.id &&
            (line.note ?? "") === wanted &&
            (line.options ?? []).map((option) => option.optionId).join(",") === choice,
        );
        if (same !== undefined) return api.setQuantity(current.id, same.id, same.quantity + 1);
        return api.addLine(current.id, item.id, 1, wanted === "" ? null : wanted, optionIds);
      }),
    changeQuantity: (lineId, delta) =>
      run(async (latest) => {
        const { latest: current, line } = lineOf(latest, lineId);
        return api.setQuantity(current.id, line.id, Math.max(1, line.quantity + delta));
      }),
    editLine: (lineId, edit) =>
      run(async (latest) => {
        const { latest: current, line } = lineOf(latest, lineId);
        return api.editLine(current.id, line.id, edit);
      }),
    voidLine: (lineId, reason, managerPin) =>
      run(async (latest) => {
        const { latest: current, line } = lineOf(latest, lineId);
        return api.voidLine(current.id, line.id, reason, managerPin);
      }),
    voidOrder: (reason, managerPin) =>
      run(async (latest) => {
        if (latest === null) throw new Error("no order to void");
        return api.voidOrder(latest.id, reason, managerPin);
      }),
    discount: (asked) =>
      run(async (latest) => {
        if (latest === null) throw new Error("no order to discount");
        return api.discount(latest.id, asked);
      }),
    move: (target) =>
      run(async (latest) => {
        if (latest === null) throw new Error("no order to move");
        return api.moveOrder(latest.id, target);
      }),
    pay: (method, amount) =>
      run(async (latest) => {
        if (latest === null) throw new Error("no order to pay");
        return api.addPayment(latest.id, method, amount);
      }),
  };
}
