import { z } from "zod";
import { Id } from "./common.js";
import { OpSchema } from "./op.js";

/** The largest number of ops one push may carry. */
export const MAX_PUSH_OPS = 10_000;

/**
 * The most orders a station reports holding unsynced, of each kind: years of a busy counter.
 * A station reports at most this (`push-batches.ts`); a count beyond it is refused as the
 * nonsense it is, and never reaches the back office.
 */
export const MAX_PENDING_ORDERS = 1_000_000;

/** Unsynced work the station still holds, reported so the back office can see it. */
export const PendingCountsSchema = z.object({
  openOrders: z.number().int().min(0).max(MAX_PENDING_ORDERS),
  paidOrders: z.number().int().min(0).max(MAX_PENDING_ORDERS),
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
