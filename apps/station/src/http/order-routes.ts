import {
  AddLineRequestSchema,
  AddPaymentRequestSchema,
  CreateOrderRequestSchema,
  DiscountRequestSchema,
  EditLineRequestSchema,
  LineParamsSchema,
  ListOrdersQuerySchema,
  ManagerPin,
  MoveOrderRequestSchema,
  OrderListSchema,
  OrderParamsSchema,
  OrderSchema,
  PartParamsSchema,
  PatchLineRequestSchema,
  PayPartRequestSchema,
  RefundRequestSchema,
  SplitOrderRequestSchema,
  Text,
  VoidLineRequestSchema,
  VoidOrderRequestSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AttemptGuard } from "../auth/attempt-guard.js";
import { managerApproval } from "../auth/manager-approval.js";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { OrderService } from "../selling/order-service.js";
import { orderView } from "./order-view.js";
import { sessionOf } from "./request-session.js";
import { stationStore } from "./store-scope.js";

const ListQuerySchema = ListOrdersQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});
const ResolveRefusalRequestSchema = z.object({
  managerPin: ManagerPin.optional(),
  voidReason: Text(200).optional(),
});

export interface OrderRouteDeps {
  orders: OrderService;
  db: StationDb;
  attempts: AttemptGuard;
}

/**
 * Everyone signed in here may reach an order; whether they may make this change (pay, void,
 * discount, reduce, with or without a manager's PIN) is the core's to say (`planChange`).
 */
const ordersAccess = { access: { permission: "orders.write" } } as const;

/**
 * The cashier's order calls. Each answers after its ops are committed to the local SQLite file;
 * none waits on the network.
 */
export function registerOrderRoutes(app: HttpService, deps: OrderRouteDeps) {
  const { orders, db, attempts } = deps;
  /** The signed-in user, with the manager whose PIN came with the call (the core decides if it is needed). */
  const actor = async (request: FastifyRequest, managerPin?: string) => {
    const session = sessionOf(request);
    const approver = await managerApproval(
      { db, attempts },
      { userId: session.user.id, address: request.ip },
      managerPin,
    );
    return { userId: session.user.id, role: session.user.role, approver };
  };
  const order = { 200: OrderSchema };

  app.post(
    "/api/orders",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Open an order (numbered by this station), optionally at a table, under the caller's own `id` if given (a retry answers the same order)",
        body: CreateOrderRequestSchema.nullish(),
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) => {
      stationStore(db, request.body?.storeId);
      const who = await actor(request);
      const created = orders.create(who, request.body?.tableId ?? null, request.body?.id);
      return reply.code(201).send(orderView(created));
    },
  );

  app.get(
    "/api/orders",
    {
      config: ordersAccess,
      schema: {
        summary: "Orders at this station (its own and those synced from other devices), newest first",
        querystring: ListQuerySchema,
        response: { 200: OrderListSchema },
      },
    },
    async (request) => ({ orders: db.orders.listOrders(request.query).map(orderView) }),
  );

  app.get(
    "/api/orders/:id",
    { config: ordersAccess, schema: { summary: "One order", params: OrderParamsSchema, response: order } },
    async (request) => {
      const found = db.orders.getOrder(request.params.id);
      if (!found) throw new StationError("NOT_FOUND", "order");
      return orderView(found);
    },
  );

  app.post(
    "/api/orders/:id/lines",
    {
      config: ordersAccess,
      schema: {
        summary: "Add a line (price, name and VAT copied from the catalog)",
        params: OrderParamsSchema,
        body: AddLineRequestSchema,
        response: order,
      },
    },
    async (request) => orderView(orders.addLine(await actor(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/orders/:id/lines/:lineId",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Change a line's quantity; lowering it is a reduction (a reason; a manager, or a manager's PIN)",
        params: LineParamsSchema,
        body: PatchLineRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { quantity, reason, managerPin } = request.body;
      const who = await actor(request, managerPin);
      const { id, lineId } = request.params;
      return orderView(orders.setQuantity(who, id, lineId, quantity, reason ?? null));
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/edit",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Change a line's note (null clears it) or options before the kitchen has it (409 LINE_SENT after its ticket printed or it was made)",
        params: LineParamsSchema,
        body: EditLineRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { id, lineId } = request.params;
      return orderView(orders.editLine(await actor(request), id, lineId, request.body));
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/void",
    {
      config: ordersAccess,
      schema: {
        summary: "Void a line (manager, or a cashier with a manager's PIN)",
        params: LineParamsSchema,
        body: VoidLineRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = await actor(request, request.body.managerPin);
      return orderView(orders.voidLine(who, request.params.id, request.params.lineId, request.body.reason));
    },
  );

  app.post(
    "/api/orders/:id/move",
    {
      config: ordersAccess,
      schema: {
        summary: "Move the order to another table",
        params: OrderParamsSchema,
        body: MoveOrderRequestSchema,
        response: order,
      },
    },
    async (request) => orderView(orders.move(await actor(request), request.params.id, request.body.tableId)),
  );

  app.post(
    "/api/orders/:id/discount",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Set the bill's discount, in percent or in đồng, 0 removes it (above the role's limit, a manager's PIN)",
        params: OrderParamsSchema,
        body: DiscountRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { managerPin, reason, ...terms } = request.body;
      const who = await actor(request, managerPin);
      return orderView(orders.discount(who, request.params.id, { ...terms, reason: reason ?? null }));
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/discount",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Set one line's own discount, in percent or in đồng, 0 removes it (above the role's limit, a manager's PIN)",
        params: LineParamsSchema,
        body: DiscountRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { managerPin, reason, ...terms } = request.body;
      const who = await actor(request, managerPin);
      const { id, lineId } = request.params;
      return orderView(orders.discount(who, id, { ...terms, reason: reason ?? null, lineId }));
    },
  );

  app.post(
    "/api/orders/:id/void",
    {
      config: ordersAccess,
      schema: {
        summary: "Void the whole order (manager, or a manager's PIN)",
        params: OrderParamsSchema,
        body: VoidOrderRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = await actor(request, request.body.managerPin);
      return orderView(orders.voidOrder(who, request.params.id, request.body.reason));
    },
  );

  app.post(
    "/api/orders/:id/refunds",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Refund a paid bill in whole or for chosen lines, with a reason and a method (manager, or a manager's PIN); the bill stays paid on its own day, the refund counts today",
        params: OrderParamsSchema,
        body: RefundRequestSchema,
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) => {
      const { managerPin, ...refund } = request.body;
      const who = await actor(request, managerPin);
      return reply.code(201).send(orderView(orders.refund(who, request.params.id, refund)));
    },
  );

  app.post(
    "/api/orders/:id/resolve",
    {
      config: ordersAccess,
      schema: {
        summary:
          "Resolve an order the server refused for good (manager, or a manager's PIN): set aside the changes it cannot take, optionally void the order, and let it sync",
        params: OrderParamsSchema,
        body: ResolveRefusalRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const who = await actor(request, request.body.managerPin);
      return orderView(orders.resolveRefusal(who, request.params.id, request.body.voidReason ?? null));
    },
  );

  app.post(
    "/api/orders/:id/split",
    {
      config: { access: { permission: "orders.split" } },
      schema: {
        summary:
          "Split the chosen lines (or units of a line) onto a new order, paid on its own (Tách hóa đơn); answers both orders",
        params: OrderParamsSchema,
        body: SplitOrderRequestSchema,
        response: { 201: z.object({ source: OrderSchema, split: OrderSchema }) },
      },
    },
    async (request, reply) => {
      const result = orders.split(await actor(request), request.params.id, request.body);
      return reply.code(201).send({ source: orderView(result.source), split: orderView(result.split) });
    },
  );

  app.post(
    "/api/orders/:id/parts/:index/payment",
    {
      config: { access: { permission: "orders.pay" } },
      schema: {
        summary:
          "Pay one of the bill's equal parts (Chia đều): its share, the last part the rest; the last part paid closes the order",
        params: PartParamsSchema,
        body: PayPartRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { method, count, paymentId } = request.body;
      const input = { method, count, index: request.params.index, paymentId };
      return orderView(orders.payPart(await actor(request), request.params.id, input));
    },
  );

  app.post(
    "/api/orders/:id/payments",
    {
      config: ordersAccess,
      schema: {
        summary: "Record a payment; the order becomes paid (closed) once payments cover the total",
        params: OrderParamsSchema,
        body: AddPaymentRequestSchema,
        response: order,
      },
    },
    async (request) => {
      const { method, amount, paymentId } = request.body;
      return orderView(orders.pay(await actor(request), request.params.id, method, amount, paymentId));
    },
  );
}
