import type { Clock } from "@quay/core";
import {
  KitchenBoardSchema,
  KitchenQuerySchema,
  KitchenReadyRequestSchema,
  OrderSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { StationDb } from "../db/station-db.js";
import { kitchenBoard } from "../kitchen/kitchen-board.js";
import type { OrderService } from "../selling/order-service.js";
import { orderView } from "./order-view.js";
import { sessionOf } from "./request-session.js";

/**
 * The kitchen and bar screen's calls (docs/printing.md, "Kitchen and bar screen"): for anyone
 * signed in who serves (`orders.write`), at the counter or on the shop's network. "Done" is an op
 * (`markReady`) written through the order service, so it syncs like every other change.
 */
export function registerKitchenRoutes(
  app: HttpService,
  deps: { db: StationDb; orders: OrderService; clock: Clock },
) {
  const serves = { access: { permission: "orders.write" } } as const;

  app.get(
    "/api/kitchen",
    {
      config: serves,
      schema: {
        summary:
          "The kitchen screen's cards: per order, its lines not yet made in these categories (all when none), ordered in the last 12 hours, oldest first",
        querystring: KitchenQuerySchema,
        response: { 200: KitchenBoardSchema },
      },
    },
    async (request) => kitchenBoard(deps.db, request.query.categoryIds, deps.clock.now()),
  );

  app.post(
    "/api/kitchen/ready",
    {
      config: serves,
      schema: {
        summary:
          "Mark lines of an order made (a `markReady` op): 404 for an unknown order or line, 409 ORDER_VOID for a void order",
        body: KitchenReadyRequestSchema,
        response: { 200: OrderSchema },
      },
    },
    async (request) => {
      const { user } = sessionOf(request);
      const actor = { userId: user.id, role: user.role };
      return orderView(deps.orders.markReady(actor, request.body.orderId, request.body.lineIds));
    },
  );
}
