import {
  type Approver,
  chooseOptions,
  dong,
  type LineOption,
  type Order,
  type OrderIntent,
} from "@quay/core";
import {
  AddLineRequestSchema,
  AddPaymentRequestSchema,
  CreateOrderRequestSchema,
  DiscountRequestSchema,
  EditLineRequestSchema,
  ErrorBody,
  Id,
  LineParamsSchema,
  ListOrdersQuerySchema,
  MergeOrderRequestSchema,
  MoveOrderRequestSchema,
  OrderListSchema,
  OrderParamsSchema,
  OrderSchema,
  PatchLineRequestSchema,
  VoidLineRequestSchema,
  VoidOrderRequestSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { managerApproval } from "../auth/manager-pin.js";
import type { UserPrincipal } from "../auth/principal.js";
import { callerOf, callerStore, callerStoreIds, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { findItem, optionGroupsOf, tableExists } from "../storage/scripts/catalog.js";
import { mergeOrders } from "../storage/scripts/merge-orders.js";
import { getOrder, listOrders, orderSortKey } from "../storage/scripts/orders.js";
import type { StoreRecord } from "../storage/scripts/records.js";
import { changeOnServer, openServerOrder, type ServerOpContext } from "../storage/scripts/server-ops.js";
import { encodeOrderCursor, OrderCursorSchema } from "./order-cursor.js";

const ServerListOrdersQuerySchema = ListOrdersQuerySchema.extend({
  storeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** The `next` of the previous page. */
  after: OrderCursorSchema.optional(),
}).refine((query) => query.after === undefined || query.after.by === orderSortKey(query.status), {
  message: "this cursor belongs to a listing in another order",
  path: ["after"],
});
/** A page of orders; `next` is the `after` of the following page, null on the last. */
const ServerOrderListSchema = OrderListSchema.extend({ next: z.string().nullable() });

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const orderAnswer = { 200: OrderSchema, ...refusals };
/** Calls that may carry a manager's PIN: PINs tried too often are refused 429 TOO_MANY_ATTEMPTS. */
const pinAnswer = { ...orderAnswer, 429: ErrorBody };
/**
 * Everyone who serves may reach an order; whether this caller may make this change (pay, void,
 * discount, reduce, with or without a manager's PIN) is the core's to say (`planChange`).
 */
const ordersAccess = { access: { permission: "orders.write" } } as const;

/**
 * Orders for phones and the back office (docs/api.md, "Server"): every call becomes ops in the
 * shared log.
 */
export function registerOrderRoutes(app: HttpService, context: ServerContext): void {
  const opContext = async (
    caller: UserPrincipal,
    store: StoreRecord,
    orderId: string,
    approver: Approver | null = null,
  ): Promise<ServerOpContext> => ({
    store,
    orderId,
    deviceId: `web-${caller.session.id}`,
    actor: { userId: caller.user.id, role: caller.user.role, approver },
    nowMs: context.clock.now(),
    newId: context.newId,
  });

  /** The caller's order with this id: another store's order is NOT_FOUND, never FORBIDDEN. */
  const callerOrder = async (request: FastifyRequest, id: string) => {
    const caller = callerOf(request);
    const order = await context.storage.read(getOrder(id));
    if (!order) throw new ServerError("NOT_FOUND", `order ${id}`);
    return { caller, store: callerStore(caller, order.storeId), order: order.view };
  };

  /**
   * The options chosen for an item, checked against its groups as the catalog holds them now
   * (core's `chooseOptions`: the same check as at the counter), with their names and prices.
   */
  const chosenOptions = async (
    storeId: string,
    item: { optionGroupIds: readonly string[] },
    optionIds: readonly string[],
  ): Promise<readonly LineOption[]> => {
    const groups = await context.storage.read(optionGroupsOf(storeId));
    const chosen = chooseOptions(item, groups, optionIds);
    if (!chosen.ok) throw new ServerError(chosen.code);
    return chosen.options;
  };

  /** One intent on the caller's order; the core decides whether the caller may (`planChange`). */
  const change = async (
    request: FastifyRequest,
    id: string,
    intentFor: (order: Order | null) => OrderIntent,
    managerPin?: string,
  ) => {
    const { caller, store } = await callerOrder(request, id);
    const approver = await managerApproval(
      context,
      { store, userId: caller.user.id, address: request.ip },
      managerPin,
    );
    return context.storage.write(changeOnServer(await opContext(caller, store, id, approver), intentFor));
  };

  app.get(
    "/api/orders",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Orders of the caller's stores, newest first (by payment time when status=paid, else by opening time), a page at a time: pass `next` back as `after` until it is null",
        querystring: ServerListOrdersQuerySchema,
        response: { 200: ServerOrderListSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { storeId, status, from, to, limit, after } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      const page = await context.storage.read(listOrders({ storeIds, status, from, to, limit, after }));
      return { orders: page.orders, next: page.next && encodeOrderCursor(page.next) };
    },
  );

  app.get(
    "/api/orders/:id",
    {
      config: ordersAccess,
      schema: { tags: ["orders"], summary: "One order", params: OrderParamsSchema, response: orderAnswer },
    },
    async (request) => (await callerOrder(request, request.params.id)).order,
  );

  app.post(
    "/api/orders",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary: "Open an order (numbered STORE-W-YYYYMMDD-NNNN)",
        body: CreateOrderRequestSchema,
        response: { 201: OrderSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const store = chooseStore(caller, request.body.storeId);
      const tableId = request.body.tableId ?? null;
      if (tableId !== null && !(await context.storage.read(tableExists(store.id, tableId)))) {
        throw new ServerError("NOT_FOUND", `table ${tableId}`);
      }
      const order = await context.storage.write(
        openServerOrder(await opContext(caller, store, request.body.id ?? context.newId()), tableId),
      );
      return reply.status(201).send(order);
    },
  );

  app.post(
    "/api/orders/:id/lines",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Add a line: an item of the store's menu at its current price (a `lineId` the order holds already adds nothing)",
        params: OrderParamsSchema,
        body: AddLineRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id);
      const item = await context.storage.read(findItem(store.id, request.body.itemId));
      if (!item) throw new ServerError("NOT_FOUND", `item ${request.body.itemId}`);
      if (!item.active) throw new ServerError("ITEM_UNAVAILABLE");
      const lineId = request.body.lineId ?? context.newId();
      const { quantity, note } = request.body;
      // No `optionIds` (a client older than options): the item as it always sold, unchecked.
      const { optionIds } = request.body;
      const options = optionIds === undefined ? [] : await chosenOptions(store.id, item, optionIds);
      const ops = await opContext(caller, store, request.params.id);
      return context.storage.write(
        changeOnServer(ops, () => ({
          kind: "addLine",
          lineId,
          // Sold out: core's plan refuses it (ITEM_SOLD_OUT), as at the counter.
          item: {
            id: item.id,
            name: item.name,
            price: item.price,
            vatRate: item.vatRate,
            soldOut: item.soldOut,
          },
          quantity,
          note: note ? note : null,
          options,
        })),
      );
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/edit",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Change a line's note (null clears it) or options before the kitchen has it (409 LINE_SENT after); the options are checked against the item's groups",
        params: LineParamsSchema,
        body: EditLineRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { store, order } = await callerOrder(request, request.params.id);
      const { lineId } = request.params;
      const line = order.lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new ServerError("LINE_NOT_FOUND");
      const { note, optionIds } = request.body;
      let options: readonly LineOption[] | undefined;
      if (optionIds !== undefined) {
        const item = await context.storage.read(findItem(store.id, line.itemId));
        if (!item) throw new ServerError("NOT_FOUND", `item ${line.itemId}`);
        options = await chosenOptions(store.id, item, optionIds);
      }
      const edited = note === undefined ? {} : { note: note ? note : null };
      return change(request, request.params.id, () => ({ kind: "editLine", lineId, ...edited, options }));
    },
  );

  app.patch(
    "/api/orders/:id/lines/:lineId",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Change a line's quantity; lowering it is a reduction (a reason; a manager, or a manager's PIN)",
        params: LineParamsSchema,
        body: PatchLineRequestSchema,
        response: pinAnswer,
      },
    },
    async (request) => {
      const { quantity, reason, managerPin } = request.body;
      const lineId = request.params.lineId;
      return change(
        request,
        request.params.id,
        () => ({ kind: "setQuantity", lineId, quantity, reason: reason ?? null }),
        managerPin,
      );
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/void",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary: "Void a line, with a reason (manager, or a manager's PIN)",
        params: LineParamsSchema,
        body: VoidLineRequestSchema,
        response: pinAnswer,
      },
    },
    async (request) => {
      const { reason, managerPin } = request.body;
      const lineId = request.params.lineId;
      return change(request, request.params.id, () => ({ kind: "voidLine", lineId, reason }), managerPin);
    },
  );

  app.post(
    "/api/orders/:id/payments",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary: "Take a payment; the order becomes paid once payments cover its total",
        params: OrderParamsSchema,
        body: AddPaymentRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { method, amount } = request.body;
      const paymentId = request.body.paymentId ?? context.newId();
      return change(request, request.params.id, () => ({
        kind: "pay",
        paymentId,
        method,
        amount: dong(amount),
      }));
    },
  );

  app.post(
    "/api/orders/:id/move",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary: "Move the order to another table (or none)",
        params: OrderParamsSchema,
        body: MoveOrderRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id);
      const { tableId } = request.body;
      if (tableId !== null && !(await context.storage.read(tableExists(store.id, tableId)))) {
        throw new ServerError("NOT_FOUND", `table ${tableId}`);
      }
      const ops = await opContext(caller, store, request.params.id);
      return context.storage.write(changeOnServer(ops, () => ({ kind: "moveTable", tableId })));
    },
  );

  app.post(
    "/api/orders/:id/merge",
    {
      config: { access: { permission: "orders.merge" } },
      schema: {
        tags: ["orders"],
        summary:
          "Merge this open order into another: its lines move there (as void here + add there), then it is voided",
        params: OrderParamsSchema,
        body: MergeOrderRequestSchema,
        response: orderAnswer,
      },
    },
    async (request) => {
      const { caller, store } = await callerOrder(request, request.params.id);
      const { orderId: _unused, ...base } = await opContext(caller, store, request.params.id);
      return context.storage.write(mergeOrders(base, request.params.id, request.body.intoOrderId));
    },
  );

  app.post(
    "/api/orders/:id/discount",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Set the order's discount, in percent or in đồng, 0 removes it (above the caller's role's limit, a manager's PIN)",
        params: OrderParamsSchema,
        body: DiscountRequestSchema,
        response: pinAnswer,
      },
    },
    async (request) => {
      const { amount, percent, reason, managerPin } = request.body;
      const intent = { kind: "discount", amount: dong(amount), percent, reason: reason ?? null } as const;
      return change(request, request.params.id, () => intent, managerPin);
    },
  );

  app.post(
    "/api/orders/:id/lines/:lineId/discount",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Set one line's own discount, in percent or in đồng, 0 removes it (above the caller's role's limit, a manager's PIN)",
        params: LineParamsSchema,
        body: DiscountRequestSchema,
        response: pinAnswer,
      },
    },
    async (request) => {
      const { amount, percent, reason, managerPin } = request.body;
      const { id, lineId } = request.params;
      const intent = {
        kind: "discountLine",
        lineId,
        amount: dong(amount),
        percent,
        reason: reason ?? null,
      } as const;
      return change(request, id, () => intent, managerPin);
    },
  );

  app.post(
    "/api/orders/:id/void",
    {
      config: ordersAccess,
      schema: {
        tags: ["orders"],
        summary:
          "Void the whole order, paid ones too (manager, or a manager's PIN; never a waiter on a paid order)",
        params: OrderParamsSchema,
        body: VoidOrderRequestSchema,
        response: pinAnswer,
      },
    },
    async (request) => {
      const { reason, managerPin } = request.body;
      return change(request, request.params.id, () => ({ kind: "voidOrder", reason }), managerPin);
    },
  );
}
