import { useCallback, useMemo, useState } from "react";
import { type StreamState, useEventSource } from "../../shared/sse/use-event-source.js";
import type { StationApi } from "../api/station-api.js";
import type { Order, StationStatus } from "../api/station-types.js";
import { type OrdersById, replaceOpenOrders, upsertOrder } from "./orders-state.js";

export interface LiveStation {
  /** The station's last reported status; null until the first one arrives. */
  readonly status: StationStatus | null;
  /** Whether the SSE stream to the station is up (the station is local: "lost" is rare). */
  readonly stream: StreamState;
  readonly orders: OrdersById;
  /** Records an order a call answered with, before its SSE event arrives. */
  readonly putOrder: (order: Order) => void;
  /** Counts the station's `catalog` events: the menu, floor or store changed and is read again. */
  readonly catalogVersion: number;
}

/** The station's status and orders, kept live by its SSE stream (`GET /api/events`). */
export function useLiveStation(api: StationApi): LiveStation {
  const [status, setStatus] = useState<StationStatus | null>(null);
  const [orders, setOrders] = useState<OrdersById>(() => new Map());
  const [catalogVersion, setCatalogVersion] = useState(0);

  const putOrder = useCallback((order: Order) => setOrders((current) => upsertOrder(current, order)), []);

  // On every (re)connection: reload what the stream may have missed.
  const reload = useCallback(() => {
    api.status().then(setStatus, () => undefined);
    api.openOrders().then(
      (open) => setOrders((current) => replaceOpenOrders(current, open)),
      () => undefined,
    );
  }, [api]);

  const handlers = useMemo(
    () => ({
      status: (data: unknown) => setStatus(data as StationStatus),
      order: (data: unknown) => putOrder(data as Order),
      catalog: () => setCatalogVersion((version) => version + 1),
    }),
    [putOrder],
  );
  // The stream needs a session: EventSource cannot set headers, so it goes by the session cookie
  // (set at login, and by `cashierSessions`), never by a token in the URL.
  const stream = useEventSource("/api/events", handlers, reload);

  return { status, stream, orders, putOrder, catalogVersion };
}
