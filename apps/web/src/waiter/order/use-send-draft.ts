import { type Dispatch, useCallback, useRef } from "react";
import { ApiError } from "../../shared/api/api-error.js";
import { newUuid } from "../../shared/id/new-uuid.js";
import { errorText, isUnreachable } from "../api/error-text.js";
import type { WaiterApi } from "../api/waiter-api.js";
import type { Order } from "../api/waiter-types.js";
import type { WaiterText } from "../i18n/waiter-text.js";
import type { FloorOrders } from "../live/floor-state.js";
import { ordersByTable } from "../live/floor-state.js";
import type { DraftAction, Drafts, TableDraft } from "./drafts.js";

/** Answers that mean the order closed meanwhile (paid or voided at the counter). */
const ORDER_CLOSED = new Set(["ORDER_PAID", "ORDER_VOID", "ORDER_NOT_OPEN"]);

interface SendDeps {
  readonly api: WaiterApi;
  readonly storeId: string;
  readonly drafts: Drafts;
  readonly dispatch: Dispatch<DraftAction>;
  readonly ordersRef: { readonly current: FloorOrders };
  readonly putOrder: (order: Order) => void;
  readonly connection: { reportUnreachable: () => void; reportReachable: () => void };
  readonly t: WaiterText;
}

export interface SendOptions {
  /**
   * The waiter saw that the draft's order was closed and sends the items to the table anyway:
   * to its open order if it has one (new guests, opened at the counter), else to a new one.
   */
  readonly anyway?: boolean;
}

/** The draft's order is closed: the reason the sending stopped. */
class OrderClosed extends Error {
  constructor(readonly order: Pick<Order, "number" | "status">) {
    super("the draft's order is closed");
  }
}

/**
 * Sends a table's unsent items, one call per line, each under its own line id (so a retry never
 * adds it twice). A line leaves the draft only once the server answered with it; a failure marks
 * it failed with the reason and keeps it, and a lost server stops the rest at once. An order
 * found closed (paid at the counter meanwhile) stops everything and keeps the items for the
 * waiter to send anyway or drop: a phone never opens an order for guests who have left.
 */
export function useSendDraft({
  api,
  storeId,
  drafts,
  dispatch,
  ordersRef,
  putOrder,
  connection,
  t,
}: SendDeps) {
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const busy = useRef(new Set<string>());

  /** The order the draft's lines go to; throws OrderClosed when that is a closed one. */
  const target = useCallback(
    async (tableId: string, draft: TableDraft, options: SendOptions): Promise<string> => {
      const tableOrder = ordersByTable(ordersRef.current).get(tableId);
      if (options.anyway) {
        const orderId = tableOrder?.id ?? newUuid();
        dispatch({ type: "reorder", tableId, orderId });
        return orderId;
      }
      if (ordersRef.current.has(draft.orderId)) return draft.orderId;
      // Not open on the map: an id the phone has yet to open, or an order closed meanwhile.
      const known = await api.order(draft.orderId).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (known !== null && known.status !== "open") throw new OrderClosed(known);
      if (known === null && tableOrder !== undefined) {
        // The counter opened the table meanwhile: the items join that order.
        dispatch({ type: "reorder", tableId, orderId: tableOrder.id });
        return tableOrder.id;
      }
      return draft.orderId;
    },
    [api, dispatch, ordersRef],
  );

  return useCallback(
    async (tableId: string, options: SendOptions = {}) => {
      const draft = draftsRef.current[tableId];
      if (!draft || busy.current.has(tableId)) return;
      if (draft.closed !== undefined && !options.anyway) return;
      const lines = draft.lines.filter((line) => line.state !== "sending");
      if (lines.length === 0) return;
      busy.current.add(tableId);
      dispatch({ type: "sending", tableId, lineIds: lines.map((line) => line.lineId) });
      let sent = 0;
      let orderId = draft.orderId;
      try {
        orderId = await target(tableId, draft, options);
        for (const line of lines) {
          try {
            if (!ordersRef.current.has(orderId)) {
              const opened = await api.openOrder(storeId, orderId, tableId);
              if (opened.status !== "open") throw new OrderClosed(opened);
              putOrder(opened);
            }
            const answered = await api.addLine(orderId, line);
            putOrder(answered);
            // Sent means held by whoever answered (the cloud or the shop's station), nothing less.
            if (!answered.lines.some((held) => held.id === line.lineId))
              throw new Error(`line ${line.lineId} not held by the answer`);
          } catch (error) {
            if (error instanceof ApiError && ORDER_CLOSED.has(error.code)) {
              // The map still showed it open: ask for the order, for its number and the map.
              const closed = await api.order(orderId).catch(() => null);
              if (closed !== null) putOrder(closed);
              throw new OrderClosed(
                closed ?? { number: null, status: error.code === "ORDER_PAID" ? "paid" : "void" },
              );
            }
            if (isUnreachable(error) || error instanceof OrderClosed) throw error;
            // Refused for this line alone (an item taken off the menu, say): the others go on.
            dispatch({ type: "failed", tableId, lineIds: [line.lineId], error: errorText(error, t) });
            sent += 1;
            continue;
          }
          connection.reportReachable();
          dispatch({ type: "sent", lineIds: [line.lineId] });
          sent += 1;
        }
      } catch (error) {
        if (error instanceof OrderClosed) {
          const status = error.order.status === "void" ? "void" : "paid";
          dispatch({ type: "closed", orderId, number: error.order.number, status });
          return;
        }
        if (isUnreachable(error)) connection.reportUnreachable();
        // Every line still waiting fails with it.
        dispatch({
          type: "failed",
          tableId,
          lineIds: lines.slice(sent).map((line) => line.lineId),
          error: errorText(error, t),
        });
      } finally {
        busy.current.delete(tableId);
      }
    },
    [api, storeId, dispatch, ordersRef, putOrder, connection, t, target],
  );
}
