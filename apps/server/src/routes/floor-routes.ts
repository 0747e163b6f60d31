import { ErrorBody, FloorSchema, Id } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { floorOrders } from "../storage/scripts/floor.js";

/** The table map for waiters' phones: every open order of the store and who opened it. */
export function registerFloorRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/floor",
    {
      config: { access: { permission: "orders.write" } },
      schema: {
        tags: ["orders"],
        summary: "The store's open orders (the table map), each with the user who opened it",
        querystring: z.object({ storeId: Id.optional() }),
        response: { 200: FloorSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const store = chooseStore(caller, request.query.storeId);
      const orders = await context.storage.read(floorOrders(store.id));
      return { storeId: store.id, orders: orders.map(({ order, openedBy }) => ({ ...order, openedBy })) };
    },
  );
}
