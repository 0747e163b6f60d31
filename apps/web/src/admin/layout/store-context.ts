import { createContext, useContext } from "react";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { AdminApi } from "../api/admin-api.js";
import type { Catalog } from "../api/admin-types.js";

/** What every page of the back office works with: the chosen store, its catalog, live changes. */
export interface StoreContextValue {
  readonly api: AdminApi;
  readonly session: ServerSession;
  readonly storeId: string;
  /** The store's catalog (its time zone too); null until loaded. */
  readonly catalog: Catalog | null;
  readonly reloadCatalog: () => void;
  /** Grows whenever the store's orders change (the live stream said so): pages reload on it. */
  readonly salesVersion: number;
}

export const StoreContext = createContext<StoreContextValue | null>(null);

export function useStore(): StoreContextValue {
  const value = useContext(StoreContext);
  if (value === null) throw new Error("useStore outside <StoreContext>");
  return value;
}

/** The store's time zone (the server's default until the catalog arrives). */
export function storeTimeZone(catalog: Catalog | null): string {
  return catalog?.store.timeZone ?? "Asia/Ho_Chi_Minh";
}
