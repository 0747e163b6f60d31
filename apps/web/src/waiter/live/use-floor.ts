import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type StreamState, useEventSource } from "../../shared/sse/use-event-source.js";
import { isUnreachable } from "../api/error-text.js";
import type { WaiterApi } from "../api/waiter-api.js";
import type { Catalog, Order } from "../api/waiter-types.js";
import { floorCache } from "./floor-cache.js";
import { type FloorOrders, replaceFloor, upsertFloorOrder } from "./floor-state.js";

export interface LiveFloor {
  readonly orders: FloorOrders;
  readonly catalog: Catalog | null;
  readonly stream: StreamState;
  /** Records an order a call answered with, before its live event arrives. */
  readonly putOrder: (order: Order) => void;
  /** The latest map, for code that runs between renders (sending a draft). */
  readonly ordersRef: { readonly current: FloorOrders };
}

const RELOAD_DEBOUNCE_MS = 300;

/**
 * The store's table map and menu, kept live by the server's event stream (`GET /api/events`):
 * each changed order arrives as an `order` event; `changed` and `catalog` ask for a reload, as
 * does every (re)connection, so nothing missed while away stays missed.
 */
export function useFloor(
  api: WaiterApi,
  storeId: string,
  token: string,
  onUnreachable: () => void,
  /** Hears of every order seen paid or voided, from a call's answer or the stream. */
  onOrderClosed: (order: Order) => void = () => {},
): LiveFloor {
  const [orders, setOrders] = useState<FloorOrders>(() =>
    replaceFloor(new Map(), floorCache.orders(storeId)),
  );
  const [catalog, setCatalog] = useState<Catalog | null>(() => floorCache.catalog(storeId));
  const ordersRef = useRef<FloorOrders>(orders);
  ordersRef.current = orders;
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => floorCache.saveOrders(storeId, orders.values()), [storeId, orders]);
  useEffect(() => {
    if (catalog !== null) floorCache.saveCatalog(storeId, catalog);
  }, [storeId, catalog]);

  const failed = useCallback(
    (error: unknown) => {
      if (isUnreachable(error)) onUnreachable();
    },
    [onUnreachable],
  );

  const reloadFloor = useCallback(() => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => {
      api.floor(storeId).then((fresh) => {
        // Through the ref, like `putOrder`: an answer landing before the next render is kept.
        const next = replaceFloor(ordersRef.current, fresh);
        ordersRef.current = next;
        setOrders(next);
      }, failed);
    }, RELOAD_DEBOUNCE_MS);
  }, [api, storeId, failed]);

  const putOrder = useCallback(
    (order: Order) => {
      const next = upsertFloorOrder(ordersRef.current, order);
      ordersRef.current = next;
      setOrders(next);
      if (order.status !== "open") onOrderClosed(order);
      // Who opened an order comes with the map, not with the order: ask when it is missing.
      if (order.status === "open" && next.get(order.id)?.openedBy === null) reloadFloor();
    },
    [reloadFloor, onOrderClosed],
  );

  const reloadCatalog = useCallback(() => {
    api.catalog(storeId).then(setCatalog, failed);
  }, [api, storeId, failed]);

  useEffect(() => {
    reloadCatalog();
    reloadFloor();
    return () => clearTimeout(reloadTimer.current);
  }, [reloadCatalog, reloadFloor]);

  const handlers = useMemo(
    () => ({
      order: (data: unknown) => {
        const order = data as Order;
        if (order.storeId !== null && order.storeId !== storeId) return;
        putOrder(order);
      },
      changed: () => reloadFloor(),
      catalog: () => reloadCatalog(),
    }),
    [putOrder, reloadFloor, reloadCatalog, storeId],
  );
  const onOpen = useCallback(() => {
    reloadFloor();
    reloadCatalog();
  }, [reloadFloor, reloadCatalog]);
  const url = `/api/events?storeId=${encodeURIComponent(storeId)}&token=${encodeURIComponent(token)}`;
  const stream = useEventSource(url, handlers, onOpen);

  return { orders, catalog, stream, putOrder, ordersRef };
}
