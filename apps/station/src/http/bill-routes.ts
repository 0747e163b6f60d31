import type { Clock } from "@quay/core";
import { BillListSchema, BillsQuerySchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { StationDb } from "../db/station-db.js";
import { billHistory } from "../selling/bill-history.js";
import { orderView } from "./order-view.js";

/** The counter's bill history: whoever may take money here may look a bill up (to reprint or refund it). */
export function registerBillRoutes(app: HttpService, deps: { db: StationDb; clock: Clock }) {
  app.get(
    "/api/bills",
    {
      config: { access: { permission: "orders.pay" } },
      schema: {
        summary:
          "Paid bills of the store's days `from`–`to` (today by default), newest first, found by number, table or total (`q`) and payment method, a page at a time (from this station's own file: offline too)",
        querystring: BillsQuerySchema,
        response: { 200: BillListSchema },
      },
    },
    async (request) => {
      const { orders, next } = billHistory(deps.db, request.query, deps.clock.now());
      return { orders: orders.map(orderView), next };
    },
  );
}
