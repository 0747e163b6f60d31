import {
  AddLineRequestSchema,
  AddPaymentRequestSchema,
  CreateOrderRequestSchema,
  LineParamsSchema,
  ListOrdersQuerySchema,
  Money,
  MoveOrderRequestSchema,
  OrderListSchema,
  OrderParamsSchema,
  OrderSchema,
  PatchLineRequestSchema,
  Text,
  VoidLineRequestSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { requireManager } from "../auth/manager-approval.js";
import type { SessionManager } from "../auth/session-manager.js";
import { StationError } from "../errors.js";
import type { OrderService } from "../selling/order-service.js";
import type { StationStore } from "../store/station-store.js";
import { orderView } from "./order-view.js";
import { requireSession } from "./request-session.js";

const ManagerPin = z
  .string()
  .regex(/^\d{4,8}$/)
  .optional();
const DiscountRequestSchema = z.object({
  amount: Money,
  reason: Text(200).optional(),
  managerPin: ManagerPin,
});
const ListQuerySchema = ListOrdersQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});
const VoidOrderRequestSchema = z.object({ reason: Text(200), managerPin: ManagerPin });

export interface OrderRouteDeps {
  orders: OrderService;
  store: StationStore;
  sessions: SessionManager;
}

/**
 * The cashier's order calls. Each answers after its ops are committed to the local SQLite file;
 * none waits on the network.
 */
export function registerOrderRoutes(app: HttpService, deps: OrderRouteDeps) {
  const { orders, store, sessions } = deps;
  const actor = (request: Parameters<typeof requireSession>[0]) => {
    const session = requireSession(request, sessions);
    return { userId: session.user.id, role: session.user.role };
  };
  const order = { 200: OrderSchema };

  app.post(
    "/api/orders",
    {
      schema: {
        summary: "Open an order (numbered by this station), optionally at a table",
        body: CreateOrderRequestSchema.nullish(),
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) => {
      const created = orders.create(actor(request), request.body?.tableId ?? null);
      return reply.code(201).send(orderView(created));
    },
  );

  app.get(
    "/api/orders",
    {
      schema: {
        summary: "Orders at this station (its own and those synced from other devices), newest first",
        querystring: ListQuerySchema,
        response: { 200: OrderListSchema },
      },
    },
    async (request) => {
      actor(request);
      return { orders: store.orders.listOrders(request.query).map(orderView) };
    },
  );

  app.get(
    "/api/orders/:id",
    { schema: { summary: "One order", params: OrderParamsSchema, response: order } },
    async (request) => {
      actor(request);
      const found = store.orders.getOrder(request.params.id);
      if (!found) throw new StationError("NOT_FOUND", "order");
      return orderView(found);
    },
  );

  app.post(
    "/api/orders/:id/lines",
    {
      schema: {
        summary: "Add a line (price, name and VAT copied from the catalog)",
        params: OrderParamsSchema,
        body: AddLineRequestSchema,
        response: order,
      },
    },
    async (request) => orderView(orders.addLine(actor(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/orders/:id/lines/:lineId",
    {
      schema: {
        summary: "Change a line's quantity",
        params: LineParamsSchema,
        body: PatchLineRequestSchema,
        response: order,
      },
    },
    async (request) =>
      orderView(
        orders.setQuantity(actor(request), request.params.id, request.params.lineId, request.body.quantity),
      ),
  );

  app.post(
    "/api/orders/:id/lines/:lineId/void",
    {
      schema: {
        summary: "Void a line (manager, or a cashier with a manager's PIN)",
        params: LineParamsSchema,
        body: VoidLineRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = actor(request);
      await requireManager(store, who.role, request.body.managerPin);
      return orderView(orders.voidLine(who, request.params.id, request.params.lineId, request.body.reason));
    },
  );

  app.post(
    "/api/orders/:id/move",
    {
      schema: {
        summary: "Move the order to another table",
        params: OrderParamsSchema,
        body: MoveOrderRequestSchema,
        response: order,
      },
    },
    async (request) => orderView(orders.move(actor(request), request.params.id, request.body.tableId)),
  );

  app.post(
    "/api/orders/:id/discount",
    {
      schema: {
        summary: "Set the whole-order discount in đồng (manager, or a manager's PIN); 0 removes it",
        params: OrderParamsSchema,
        body: DiscountRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = actor(request);
      await requireManager(store, who.role, request.body.managerPin);
      return orderView(
        orders.discount(who, request.params.id, request.body.amount, request.body.reason ?? null),
      );
    },
  );

  app.post(
    "/api/orders/:id/void",
    {
      schema: {
        summary: "Void the whole order (manager, or a manager's PIN)",
        params: OrderParamsSchema,
        body: VoidOrderRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = actor(request);
      await requireManager(store, who.role, request.body.managerPin);
      return orderView(orders.voidOrder(who, request.params.id, request.body.reason));
    },
  );

  app.post(
    "/api/orders/:id/payments",
    {
      schema: {
        summary: "Record a payment; the order becomes paid (closed) once payments cover the total",
        params: OrderParamsSchema,
        body: AddPaymentRequestSchema,
        response: order,
      },
    },
    async (request) =>
      orderView(orders.pay(actor(request), request.params.id, request.body.method, request.body.amount)),
  );
}
