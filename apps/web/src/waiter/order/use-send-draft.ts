import { type Dispatch, useCallback, useRef } from "react";
import { ApiError } from "../../shared/api/api-error.js";
import { newUuid } from "../../shared/id/new-uuid.js";
import { errorText, isUnreachable } from "../api/error-text.js";
import type { WaiterApi } from "../api/waiter-api.js";
import type { Order } from "../api/waiter-types.js";
import type { WaiterText } from "../i18n/waiter-text.js";
import type { FloorOrders } from "../live/floor-state.js";
import { ordersByTable } from "../live/floor-state.js";
import type { DraftAction, Drafts } from "./drafts.js";

/** Answers that mean the order closed meanwhile (paid or voided at the counter): open a new one. */
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

/**
 * Sends a table's unsent items, one call per line, each under its own line id (so a retry never
 * adds it twice). A line leaves the draft only once the server answered with it; a failure marks
 * it failed with the reason and keeps it, and a lost server stops the rest at once.
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

  return useCallback(
    async (tableId: string) => {
      const draft = draftsRef.current[tableId];
      if (!draft || busy.current.has(tableId)) return;
      const lines = draft.lines.filter((line) => line.state !== "sending");
      if (lines.length === 0) return;
      busy.current.add(tableId);
      dispatch({ type: "sending", tableId, lineIds: lines.map((line) => line.lineId) });
      // The table's open order if it has one (opened meanwhile at the counter, say), else ours.
      let orderId = ordersByTable(ordersRef.current).get(tableId)?.id ?? draft.orderId;
      const ensureOpen = async () => {
        if (ordersRef.current.has(orderId)) return;
        putOrder(await api.openOrder(storeId, orderId, tableId));
      };
      try {
        for (const [index, line] of lines.entries()) {
          try {
            try {
              await ensureOpen();
              putOrder(await api.addLine(orderId, line));
            } catch (error) {
              if (!(error instanceof ApiError && ORDER_CLOSED.has(error.code))) throw error;
              // The order was closed at the counter: the rest go to a new order for this table.
              orderId = newUuid();
              dispatch({ type: "reorder", tableId, orderId });
              await ensureOpen();
              putOrder(await api.addLine(orderId, line));
            }
            connection.reportReachable();
            dispatch({ type: "sent", lineIds: [line.lineId] });
          } catch (error) {
            const unreachable = isUnreachable(error);
            if (unreachable) connection.reportUnreachable();
            // Unreachable: every line still waiting fails with it; otherwise only this one.
            const failed = unreachable ? lines.slice(index) : [line];
            dispatch({
              type: "failed",
              tableId,
              lineIds: failed.map((entry) => entry.lineId),
              error: errorText(error, t),
            });
            if (unreachable) return;
          }
        }
      } finally {
        busy.current.delete(tableId);
      }
    },
    [api, storeId, dispatch, ordersRef, putOrder, connection, t],
  );
}
