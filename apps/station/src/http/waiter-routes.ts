import { FloorSchema, MergeOrderRequestSchema, OrderParamsSchema, OrderSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { StationDb } from "../db/station-db.js";
import type { OrderService } from "../selling/order-service.js";
import { orderView } from "./order-view.js";
import { sessionOf } from "./request-session.js";
import { StoreQuerySchema, stationStore } from "./store-scope.js";

/**
 * The cloud's calls of the waiter's phone that a station answers besides the cashier's (the rest,
 * login, catalog, orders, lines, move and events, are the cashier's own routes with the same
 * shapes), so a phone on the shop's network orders through a station (its hub) exactly as on the
 * cloud (docs/api.md, "Phones through a station").
 */
export function registerWaiterRoutes(app: HttpService, deps: { db: StationDb; orders: OrderService }) {
  app.get(
    "/api/floor",
    {
      config: { access: { permission: "orders.write" } },
      schema: {
        summary: "The store's open orders (the table map), each with the user who opened it",
        querystring: StoreQuerySchema,
        response: { 200: FloorSchema },
      },
    },
    async (request) => {
      const { store } = stationStore(deps.db, request.query.storeId);
      const orders = deps.db.orders.listOrders({ status: "open", limit: 10_000 }).map((order) => {
        const userId = order.openedByUserId;
        const name = userId === null ? null : (deps.db.credentials.findByUserId(userId)?.name ?? null);
        return { ...orderView(order), openedBy: userId === null ? null : { id: userId, name } };
      });
      return { storeId: store.id, orders };
    },
  );

  app.post(
    "/api/orders/:id/merge",
    {
      config: { access: { permission: "orders.merge" } },
      schema: {
        summary:
          "Merge this open order into another: its lines move there (void here + add there), then it is voided",
        params: OrderParamsSchema,
        body: MergeOrderRequestSchema,
        response: { 200: OrderSchema },
      },
    },
    async (request) => {
      const { user } = sessionOf(request);
      const actor = { userId: user.id, role: user.role };
      return orderView(deps.orders.merge(actor, request.params.id, request.body.intoOrderId));
    },
  );
}
