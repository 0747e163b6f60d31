import { z } from "zod";
import { Id } from "../wire/common.js";
import { OrderSchema } from "./order-view.js";

/**
 * `GET /api/floor`, the table map of waiters' phones, on the cloud and on a station alike: every
 * open order of the store with the user who opened it (`name` null when the answerer does not
 * know them).
 */
export const FloorSchema = z.object({
  storeId: Id,
  orders: z.array(
    OrderSchema.extend({
      openedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    }),
  ),
});
export type Floor = z.infer<typeof FloorSchema>;
