import type { CatalogSnapshot, KitchenBoard, OrderView } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";
import type { ServerSession } from "../../shared/session/server-session.js";

/** The station calls the kitchen screen makes, one function each (docs/api.md, "Kitchen screen"). */
export function createKitchenApi(http: HttpClient) {
  return {
    login: (username: string, password: string) =>
      http.post<ServerSession>("/api/login", { username, password }),
    logout: () => http.post<unknown>("/api/logout"),
    categories: async () => (await http.get<Pick<CatalogSnapshot, "categories">>("/api/catalog")).categories,
    board: (categoryIds: readonly string[]) =>
      http.get<KitchenBoard>(`/api/kitchen?categoryIds=${categoryIds.map(encodeURIComponent).join(",")}`),
    ready: (orderId: string, lineIds: readonly string[]) =>
      http.post<OrderView>("/api/kitchen/ready", { orderId, lineIds }),
  };
}

export type KitchenApi = ReturnType<typeof createKitchenApi>;
