import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useEventSource } from "../../shared/sse/use-event-source.js";
import type { AdminApi } from "../api/admin-api.js";
import type { Catalog } from "../api/admin-types.js";

const SALES_DEBOUNCE_MS = 800;

/**
 * The chosen store's catalog and a counter of order changes, kept live by the server's event
 * stream: `catalog` reloads the catalog; `order` and `changed` bump the counter (debounced, so a
 * station syncing a backlog does not reload the dashboard a hundred times).
 */
export function useLiveStore(api: AdminApi, storeId: string, token: string) {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [salesVersion, setSalesVersion] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reloadCatalog = useCallback(() => {
    api.catalog(storeId).then(setCatalog, () => undefined);
  }, [api, storeId]);

  useEffect(() => {
    setCatalog(null);
    reloadCatalog();
    return () => clearTimeout(timer.current);
  }, [reloadCatalog]);

  const bumpSales = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSalesVersion((version) => version + 1), SALES_DEBOUNCE_MS);
  }, []);

  const handlers = useMemo(
    () => ({ catalog: () => reloadCatalog(), order: () => bumpSales(), changed: () => bumpSales() }),
    [reloadCatalog, bumpSales],
  );
  const url = `/api/events?storeId=${encodeURIComponent(storeId)}&token=${encodeURIComponent(token)}`;
  const stream = useEventSource(url, handlers, bumpSales);
  return { catalog, reloadCatalog, salesVersion, stream };
}
