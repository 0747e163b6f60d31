import { useEffect, useState } from "react";
import type { StationApi } from "../api/station-api.js";
import type { Catalog, Store } from "../api/station-types.js";

export interface CatalogState {
  readonly catalog: Catalog | null;
  readonly store: Store | null;
  readonly error: unknown;
}

/**
 * The menu, floor and store, reloaded whenever `version` changes: a sync may have brought
 * changes, or the station said its catalog changed (a new price must show before it is charged).
 */
export function useCatalog(api: StationApi, version: string): CatalogState {
  const [state, setState] = useState<CatalogState>({ catalog: null, store: null, error: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means the catalog may have changed
  useEffect(() => {
    let cancelled = false;
    Promise.all([api.catalog(), api.store()]).then(
      ([catalog, store]) => {
        if (!cancelled) setState({ catalog, store, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((current) => ({ ...current, error }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, version]);

  return state;
}
