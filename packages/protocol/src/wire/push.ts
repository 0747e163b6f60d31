import { z } from "zod";
import { Id } from "./common.js";
import { OpSchema } from "./op.js";

/** The largest number of ops one push may carry. */
export const MAX_PUSH_OPS = 10_000;

/** Unsynced work the station still holds, reported so the back office can see it. */
export const PendingCountsSchema = z.object({
  openOrders: z.number().int().min(0),
  paidOrders: z.number().int().min(0),
});

/** `POST /api/sync/push` with the device token: store these ops (idempotent, all or nothing). */
export const PushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  ops: z.array(OpSchema).max(MAX_PUSH_OPS),
  pending: PendingCountsSchema.optional(),
});
export const PushResponseSchema = z.object({
  /** Every pushed op id the server now holds (new or already held): safe to mark synced. */
  held: z.array(Id),
  /** The server's sequence after this push. */
  cursor: z.number().int().min(0),
});
