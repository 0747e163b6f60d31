import type { Clock } from "@quay/core";
import { DayAnswerSchema, DayQuerySchema, ErrorBody } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { StationDb } from "../db/station-db.js";
import { dayReport } from "../selling/day-report.js";
import type { ShiftService } from "../selling/shift-service.js";
import type { StatusHub } from "../status-hub.js";
import { maybeShiftView } from "./shift-view.js";

export interface DayRouteDeps {
  db: StationDb;
  shifts: ShiftService;
  hub: StatusHub;
  clock: Clock;
}

/** The day's figures at the counter, whoever may take money here may read them (docs/cashier-app.md, "The day"). */
export function registerDayRoutes(app: HttpService, deps: DayRouteDeps) {
  app.get(
    "/api/day",
    {
      config: { access: { permission: "orders.pay" } },
      schema: {
        summary:
          "Today's figures (or `day`'s) and the open shift's, from this station's own file: it answers offline too, saying when other counters' sales may not have reached it",
        querystring: DayQuerySchema,
        response: { 200: DayAnswerSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const status = deps.hub.current();
      const figures = dayReport(deps.db, request.query.day, deps.clock.now());
      return {
        figures: { ...figures, byMethod: figures.byMethod.map((entry) => ({ ...entry })) },
        shift: maybeShiftView(deps.shifts.current()),
        partial: status.mode === "offline",
        lastSyncAt: status.lastSyncAt,
      };
    },
  );
}
