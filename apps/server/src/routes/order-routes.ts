import type { Permission } from "@quay/core";
import { dong, OrderRuleError } from "@quay/core";
import {
  AddLineRequestSchema,
  AddPaymentRequestSchema,
  CreateOrderRequestSchema,
  ErrorBody,
  Id,
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
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { requireRoleOrManagerPin } from "../auth/manager-pin.js";
import type { UserPrincipal } from "../auth/principal.js";
import { callerStore, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { findItem, tableExists } from "../storage/scripts/catalog.js";
import { mergeOrders } from "../storage/scripts/merge-orders.js";
import { getOrder, listOrders } from "../storage/scripts/orders.js";
import type { StoreRecord } from "../storage/scripts/records.js";
import {
  makeServerOps,
  type OpPlan,
  openServerOrder,
  type ServerOpContext,
} from "../storage/scripts/server-ops.js";

const ManagerPin = z
  .string()
  .regex(/^\d{4,8}$/)
  .optional();
const ServerCreateOrderSchema = CreateOrderRequestSchema.extend({
  storeId: Id.optional(),
  /** The phone's own id for the order: retrying an open it could not confirm opens it once. */
  id: Id.optional(),
});
const ServerAddLineSchema = AddLineRequestSchema.extend({
  /** The phone's own id for the line: a retried add adds it once. */
  lineId: Id.optional(),
});
const MergeRequestSchema = z.object({ intoOrderId: Id });
const ServerListOrdersQuerySchema = ListOrdersQuerySchema.extend({
  storeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});
const DiscountRequestSchema = z.object({
  amount: Money,
  reason: Text(200).nullable().optional(),
  managerPin: ManagerPin,
});
const VoidOrderRequestSchema = z.object({ reason: Text(200), managerPin: ManagerPin });

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const orderAnswer = { 200: OrderSchema, ...refusals };

/** Orders for phones and the back office (API.md): every call becomes ops in the shared log. */
export function registerOrderRoutes(app: HttpService, context: ServerContext): void {
  const opContext = (caller: UserPrincipal, store: StoreRecord, orderId: string): ServerOpContext => ({
    store,
    orderId,
    deviceId: `web-${caller.session.id}`,
    userId: caller.user.id,
    nowMs: context.clock.now(),
    newId: context.newId,
  });

  /** The caller's order with this id: another store's order is NOT_FOUND, never FORBIDDEN. */
  const callerOrder = async (request: FastifyRequest, id: string, permission: Permission) => {
    const caller = await context.auth.user(request, permission);
    const order = await context.store.read(getOrder(id));
    if (!order) throw new ServerError("NOT_FOUND", `order ${id}`);
    return { caller, store: callerStore(caller, order.storeId), order: order.view };
  };

  const change = async (request: FastifyRequest, id: string, permission: Permission, plan: OpPlan) => {
    const { caller, store } = await callerOrder(request, id, permission);
    return context.store.write(makeServerOps(opContext(caller, store, id), plan));
  };

  app.get(
    "/api/orders",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Orders of the caller's stores, newest first (paid ones by payment time, others by opening time)",
        querystring: ServerListOrdersQuerySchema,
        response: { 200: OrderListSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = await context.auth.user(request);
      const { storeId, status, from, to, limit } = request.query;
      const storeIds =
        storeId === undefined ? caller.stores.map((store) => store.id) : [callerStore(caller, storeId).id];
      return { orders: await context.store.read(listOrders({ storeIds, status, from, to, limit })) };
    },
  );

  app.get(
    "/api/orders/:id",
    { schema: { tags: ["orders"], summary: "One order", params: OrderParamsSchema, response: orderAnswer } },
    async (request) => (await callerOrder(request, request.params.id, "orders.write")).order,
  );

  app.post(
    "/api/orders",
    {
      schema: {
        tags: ["orders"],
        summary: "Open an order (numbered STORE-W-YYYYMMDD-NNNN)",
        body: ServerCreateOrderSchema,
        response: { 201: OrderSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = await context.auth.user(request, "orders.write");
      const store = chooseStore(caller, request.body.storeId);
      const tableId = request.body.tableId ?? null;
      if (tableId !== null && !(await context.store.read(tableExists(store.id, tableId)))) {
        throw new ServerError("NOT_FOUND", `table ${tableId}`);
      }
      const order = await context.store.write(
        openServerOrder(opContext(caller, store, request.body.id ?? context.newId()), tableId),
      );
      return reply.status(201).send(order);
    },
  );

  app.post(
    "/api/orders/:id/lines",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Add a line: an item of the store's menu at its current price (a `lineId` the order holds already adds nothing)",
        params: OrderParamsSchema,
        body: ServerAddLineSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id, "orders.write");
      const item = await context.store.read(findItem(store.id, request.body.itemId));
      if (!item) throw new ServerError("NOT_FOUND", `item ${request.body.itemId}`);
      if (!item.active) throw new ServerError("ITEM_UNAVAILABLE");
      const lineId = request.body.lineId ?? context.newId();
      const { quantity, note } = request.body;
      return context.store.write(
        makeServerOps(opContext(caller, store, request.params.id), (order) => {
          const held = [...(order?.lines ?? []), ...(order?.voidedLines ?? [])].find(
            (line) => line.id === lineId,
          );
          if (held && held.itemId !== item.id) throw new OrderRuleError("LINE_EXISTS");
          if (held) return [];
          return [
            {
              kind: "addLine",
              data: {
                lineId,
                itemId: item.id,
                name: item.name,
                unitPrice: item.price,
                vatRate: item.vatRate,
                quantity,
                note: note ? note : null,
              },
            },
          ];
        }),
      );
    },
  );

  app.patch(
    "/api/orders/:id/lines/:lineId",
    {
      schema: {
        tags: ["orders"],
        summary: "Change a line's quantity",
        params: LineParamsSchema,
        body: PatchLineRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) =>
      change(request, request.params.id, "orders.write", () => [
        { kind: "setQuantity", data: { lineId: request.params.lineId, quantity: request.body.quantity } },
      ]),
  );

  app.post(
    "/api/orders/:id/lines/:lineId/void",
    {
      schema: {
        tags: ["orders"],
        summary: "Void a line, with a reason (manager, or a manager's PIN)",
        params: LineParamsSchema,
        body: VoidLineRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id, "orders.write");
      await requireRoleOrManagerPin(context.store, caller, store.id, "orders.void", request.body.managerPin);
      return context.store.write(
        makeServerOps(opContext(caller, store, request.params.id), () => [
          { kind: "voidLine", data: { lineId: request.params.lineId, reason: request.body.reason } },
        ]),
      );
    },
  );

  app.post(
    "/api/orders/:id/payments",
    {
      schema: {
        tags: ["orders"],
        summary: "Take a payment; the order becomes paid once payments cover its total",
        params: OrderParamsSchema,
        body: AddPaymentRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const paymentId = context.newId();
      const { method, amount } = request.body;
      return change(request, request.params.id, "orders.pay", (order) => {
        if (order && order.status === "open" && order.lines.length === 0)
          throw new ServerError("ORDER_EMPTY");
        const payment = { kind: "addPayment" as const, data: { paymentId, method, amount: dong(amount) } };
        if (!order || order.paid + amount < order.total) return [payment];
        return [payment, { kind: "close" as const, data: { total: order.total } }];
      });
    },
  );

  app.post(
    "/api/orders/:id/move",
    {
      schema: {
        tags: ["orders"],
        summary: "Move the order to another table (or none)",
        params: OrderParamsSchema,
        body: MoveOrderRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id, "orders.write");
      const { tableId } = request.body;
      if (tableId !== null && !(await context.store.read(tableExists(store.id, tableId)))) {
        throw new ServerError("NOT_FOUND", `table ${tableId}`);
      }
      return context.store.write(
        makeServerOps(opContext(caller, store, request.params.id), () => [
          { kind: "moveTable", data: { tableId } },
        ]),
      );
    },
  );

  app.post(
    "/api/orders/:id/merge",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Merge this open order into another: its lines move there (as void here + add there), then it is voided",
        params: OrderParamsSchema,
        body: MergeRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id, "orders.merge");
      const { orderId: _unused, ...base } = opContext(caller, store, request.params.id);
      return context.store.write(mergeOrders(base, request.params.id, request.body.intoOrderId));
    },
  );

  app.post(
    "/api/orders/:id/discount",
    {
      schema: {
        tags: ["orders"],
        summary: "Set the order's discount in đồng, 0 removes it (manager, or a manager's PIN)",
        params: OrderParamsSchema,
        body: DiscountRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id, "orders.write");
      await requireRoleOrManagerPin(
        context.store,
        caller,
        store.id,
        "orders.discount",
        request.body.managerPin,
      );
      const { amount, reason } = request.body;
      return context.store.write(
        makeServerOps(opContext(caller, store, request.params.id), () => [
          { kind: "discount", data: { amount: dong(amount), reason: reason ?? null } },
        ]),
      );
    },
  );

  app.post(
    "/api/orders/:id/void",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Void the whole order, paid ones too (manager, or a manager's PIN; never a waiter on a paid order)",
        params: OrderParamsSchema,
        body: VoidOrderRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store, order } = await callerOrder(request, request.params.id, "orders.write");
      if (order.status === "paid" && caller.user.role === "waiter") {
        throw new ServerError("FORBIDDEN", "a waiter may not void a paid order");
      }
      await requireRoleOrManagerPin(context.store, caller, store.id, "orders.void", request.body.managerPin);
      return context.store.write(
        makeServerOps(opContext(caller, store, request.params.id), () => [
          { kind: "voidOrder", data: { reason: request.body.reason } },
        ]),
      );
    },
  );
}
