import {
  AuditReportSchema,
  DashboardQuerySchema,
  DashboardSchema,
  ErrorBody,
  SalesReportQuerySchema,
  SalesReportSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { callerOf, callerStoreIds, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { auditReport } from "../storage/scripts/audit-report.js";
import { dashboard } from "../storage/scripts/dashboard.js";
import { salesReport } from "../storage/scripts/sales-report.js";

// The audit takes the same range as the sales report.
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
    "/api/reports/audit",
    {
      config: { access: { permission: "reports.read" } },
      schema: {
        tags: ["reports"],
        summary:
          "Per local day and cashier: voids, quantity reductions, discounts, refunds, cash in and out, and the differences of the shifts they closed",
        querystring: ReportQuerySchema,
        response: { 200: AuditReportSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { from, to, storeId } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      const stores = caller.stores.filter((store) => storeIds.includes(store.id));
      return context.storage.read(auditReport({ stores, from, to }));
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
