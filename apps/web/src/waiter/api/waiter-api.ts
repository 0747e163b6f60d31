import type { HttpClient } from "../../shared/api/http-client.js";
import { discountRequest } from "../../shared/discount/discount-request.js";
import type { DiscountAsked } from "../../shared/discount/use-discount-form.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { Catalog, FloorOrder, LineRequest, Order } from "./waiter-types.js";

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;
const withStore = (path: string, storeId: string) =>
  `${path}${path.includes("?") ? "&" : "?"}storeId=${encodeURIComponent(storeId)}`;

/** The server calls the waiter's phone makes, one function each. */
export function createWaiterApi(http: HttpClient) {
  return {
    login: (username: string, password: string) =>
      http.post<ServerSession>("/api/login", { username, password }),
    /** At a hub: a session for the hub pass the phone brought from the cloud app. */
    loginWithPass: (pass: string) => http.post<ServerSession>("/api/login/pass", { pass }),
    logout: () => http.post<unknown>("/api/logout"),
    shopNetwork: (storeId: string) =>
      http.get<{ hubs: { urls: string[] }[] }>(`/api/stores/${encodeURIComponent(storeId)}/shop-network`),
    hubPass: (storeId: string) =>
      http.post<{ pass: string; expiresAt: string }>(`/api/stores/${encodeURIComponent(storeId)}/hub-pass`),
    catalog: (storeId: string) => http.get<Catalog>(withStore("/api/catalog", storeId)),
    floor: async (storeId: string) =>
      (await http.get<{ orders: FloorOrder[] }>(withStore("/api/floor", storeId))).orders,
    order: (orderId: string) => http.get<Order>(orderPath(orderId)),
    /** Opens the order under the phone's own id: a retry answers the same order. */
    openOrder: (storeId: string, orderId: string, tableId: string | null) =>
      http.post<Order>("/api/orders", { storeId, id: orderId, tableId }),
    /** Adds a line under the phone's own line id: a retry adds nothing more. */
    addLine: (orderId: string, line: LineRequest) =>
      http.post<Order>(`${orderPath(orderId)}/lines`, {
        lineId: line.lineId,
        itemId: line.itemId,
        quantity: line.quantity,
        ...(line.note.trim() === "" ? {} : { note: line.note.trim() }),
        ...(line.options === undefined || line.options.length === 0
          ? {}
          : { optionIds: line.options.map((option) => option.optionId) }),
      }),
    /** A sent line's note (null clears it) or options, until the kitchen has it (else LINE_SENT). */
    editLine: (
      orderId: string,
      lineId: string,
      edit: { readonly note: string | null; readonly optionIds?: readonly string[] },
    ) => http.post<Order>(`${orderPath(orderId)}/lines/${encodeURIComponent(lineId)}/edit`, edit),
    /** A discount on the bill, or on `lineId` (above the waiter's limit, a manager's PIN). */
    discount: (orderId: string, asked: DiscountAsked) => http.post<Order>(...discountRequest(orderId, asked)),
    move: (orderId: string, tableId: string | null) =>
      http.post<Order>(`${orderPath(orderId)}/move`, { tableId }),
    merge: (orderId: string, intoOrderId: string) =>
      http.post<Order>(`${orderPath(orderId)}/merge`, { intoOrderId }),
  };
}

export type WaiterApi = ReturnType<typeof createWaiterApi>;
