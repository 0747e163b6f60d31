import { ErrorBody, SalesReportQuerySchema, SalesReportSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { callerStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { salesReport } from "../storage/scripts/sales-report.js";

const ReportQuerySchema = SalesReportQuerySchema.refine((query) => query.from <= query.to, {
  message: "from must not be after to",
  path: ["to"],
});

export function registerReportRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/reports/sales",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Sales from one local day to another (inclusive), each sale on the day it was paid at the counter; void orders excluded",
        querystring: ReportQuerySchema,
        response: { 200: SalesReportSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const caller = await context.auth.user(request, "reports.read");
      const { from, to, storeId } = request.query;
      const storeIds =
        storeId === undefined ? caller.stores.map((store) => store.id) : [callerStore(caller, storeId).id];
      return context.store.read(salesReport({ storeIds, from, to }));
    },
  );
}
