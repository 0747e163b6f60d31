import {
  DashboardQuerySchema,
  DashboardSchema,
  ErrorBody,
  SalesReportQuerySchema,
  SalesReportSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { callerOf, callerStoreIds, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { dashboard } from "../storage/scripts/dashboard.js";
import { salesReport } from "../storage/scripts/sales-report.js";

const ReportQuerySchema = SalesReportQuerySchema.refine((query) => query.from <= query.to, {
  message: "from must not be after to",
  path: ["to"],
});
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * Reports for owners and managers (docs/api.md, "Reports"), read from the sales rollup: paid sales
 * summed per store, local day of payment and grouping, kept in step with every order projection.
 * The dashboard also reads the open orders.
 */
export function registerReportRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/reports/sales",
    {
      config: { access: { permission: "reports.read" } },
      schema: {
        tags: ["reports"],
        summary:
          "Sales from one local day to another (inclusive), each sale on the day it was paid at the counter; void orders excluded",
        querystring: ReportQuerySchema,
        response: { 200: SalesReportSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { from, to, storeId } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      return context.storage.read(salesReport({ storeIds, from, to }));
    },
  );

  app.get(
    "/api/reports/dashboard",
    {
      config: { access: { permission: "reports.read" } },
      schema: {
        tags: ["reports"],
        summary:
          "One store's day so far in its time zone: revenue, paid orders, open tables, by hour, top items",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const store = chooseStore(caller, request.query.storeId);
      return context.storage.read(dashboard(store, context.clock.now()));
    },
  );
}
