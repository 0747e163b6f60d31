import { ErrorBody, ShiftListQuerySchema, ShiftListSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { callerOf, callerStoreIds } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { closedShifts } from "../storage/scripts/shifts.js";

const ShiftQuerySchema = ShiftListQuerySchema.refine((query) => query.from <= query.to, {
  message: "from must not be after to",
  path: ["to"],
});
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The cashiers' shifts as their counters closed them (docs/api.md, "Shifts"): owners and managers. */
export function registerShiftRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/shifts",
    {
      config: { access: { permission: "reports.read" } },
      schema: {
        tags: ["reports"],
        summary:
          "The shifts closed at the store's counters from one local day to another (inclusive), with the figures each counter closed with: expected and counted cash, the difference",
        querystring: ShiftQuerySchema,
        response: { 200: ShiftListSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { from, to, storeId } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      const shifts = await context.storage.read(closedShifts({ storeIds, from, to }));
      return { shifts };
    },
  );
}
