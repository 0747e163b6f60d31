import { localDate } from "@quay/core";
import {
  BillListSchema,
  ErrorBody,
  OrderHistorySchema,
  OrderParamsSchema,
  StoreBillsQuerySchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { callerOf, callerStore, callerStoreIds } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { billPage } from "../storage/scripts/bills.js";
import { orderHistory } from "../storage/scripts/order-history.js";
import { getOrder } from "../storage/scripts/orders.js";

const BillQuerySchema = StoreBillsQuerySchema.refine(
  (query) => query.from === undefined || query.to === undefined || query.from <= query.to,
  { message: "from must not be after to", path: ["to"] },
);
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** Looking back over bills and who did what to them is for owners and managers. */
const reportsAccess = { access: { permission: "reports.read" } } as const;

/** The back office's bills (docs/api.md, "Bills"): the list over any range, and each one's history. */
export function registerBillRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/bills",
    {
      config: reportsAccess,
      schema: {
        tags: ["reports"],
        summary:
          "Paid bills of the store's days `from`–`to` (today by default), newest first, found by number, table or total (`q`) and payment method, a page at a time (`offset`: the `next` of the previous page)",
        querystring: BillQuerySchema,
        response: { 200: BillListSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { storeId, from, to, q, method, limit, offset } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      const timeZone = caller.stores.find((store) => store.id === storeIds[0])?.timeZone;
      const today = localDate(context.clock.now(), timeZone);
      const first = from ?? to ?? today;
      const last = to ?? from ?? today;
      return context.storage.read(billPage({ storeIds, from: first, to: last, q, method, limit, offset }));
    },
  );

  app.get(
    "/api/orders/:id/history",
    {
      config: reportsAccess,
      schema: {
        tags: ["reports"],
        summary:
          "Every op of the order in the order they apply: its kind, when, who (and who approved), on which device, and what it changed",
        params: OrderParamsSchema,
        response: { 200: OrderHistorySchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const order = await context.storage.read(getOrder(request.params.id));
      // Another store's order is NOT_FOUND, never FORBIDDEN: its existence is not acknowledged.
      if (!order) throw new ServerError("NOT_FOUND", `order ${request.params.id}`);
      const store = callerStore(caller, order.storeId);
      return context.storage.read(orderHistory({ id: order.view.id, number: order.view.number }, store.id));
    },
  );
}
