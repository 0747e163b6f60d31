import type { Catalog, FloorOrder } from "../api/waiter-types.js";

/**
 * The last menu and table map the phone saw, kept on the phone: after a reload while the server
 * is away, the waiter still sees the tables and can keep entering items (the banner says the map
 * may be behind; nothing is shown as sent that the server has not confirmed).
 */
const key = (kind: "catalog" | "floor", storeId: string) => `quay.waiter.${kind}.${storeId}`;

function read<T>(name: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(name) ?? "null") as T | null;
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): void {
  try {
    localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Storage full or private mode: nothing kept, the server is asked again.
  }
}

export const floorCache = {
  catalog: (storeId: string) => read<Catalog>(key("catalog", storeId)),
  saveCatalog: (storeId: string, catalog: Catalog) => write(key("catalog", storeId), catalog),
  orders: (storeId: string): FloorOrder[] => {
    const orders = read<unknown>(key("floor", storeId));
    return Array.isArray(orders) ? (orders as FloorOrder[]) : [];
  },
  saveOrders: (storeId: string, orders: Iterable<FloorOrder>) => write(key("floor", storeId), [...orders]),
};
