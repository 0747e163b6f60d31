import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";
import { PendingCountsSchema, RefusedOrderReportSchema } from "../wire/push.js";

/** One counter station as the back office lists it (`GET /api/stations` on the server). */
export const StationViewSchema = z.object({
  id: Id,
  storeId: Id,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: IsoTime,
  lastSeenAt: IsoTime.nullable(),
  /**
   * Unsynced work the station reported at its last push, less what that push delivered, with
   * the orders refused for good that wait for a manager there ("cần quản lý xem").
   */
  pending: PendingCountsSchema.extend({ refused: z.array(RefusedOrderReportSchema) }).nullable(),
  /** Heard from within the last 90 s (an online station pulls every few seconds). */
  online: z.boolean(),
});
export type StationView = z.infer<typeof StationViewSchema>;
