import { z } from "zod";
import { Id, IsoTime } from "./common.js";
import { OpSchema } from "./op.js";
import { ShiftOpSchema } from "./shift-op.js";

/** The largest number of ops one push may carry. */
export const MAX_PUSH_OPS = 10_000;

/** The most shift ops one push carries (a shift makes a handful: open, cash movements, close). */
export const MAX_PUSH_SHIFT_OPS = 1_000;

/** The largest push body a receiver reads: room for MAX_PUSH_OPS, far above other calls' 1 MiB. */
export const MAX_PUSH_BYTES = 32 * 1024 * 1024;

/**
 * The most orders a station reports holding unsynced, of each kind: years of a busy counter.
 * A station reports at most this (`push-batches.ts`); a count beyond it is refused as the
 * nonsense it is, and never reaches the back office.
 */
export const MAX_PENDING_ORDERS = 1_000_000;

/** The most refused orders a station lists in one report (the longest waiting first). */
export const MAX_REFUSED_REPORTED = 100;

/**
 * How far ahead of its receiver's clock (the cloud's, a shop hub's) a pushed op may be stamped:
 * later, it is refused `OP_TIME_OUT_OF_RANGE` (a station corrects its own clock).
 */
export const MAX_OP_AHEAD_MS = 60 * 60 * 1000;

/**
 * An order the server refused for good, set apart at the station until a manager resolves it
 * ("cần quản lý xem"): the back office shows it beside the station.
 */
export const RefusedOrderReportSchema = z.object({
  orderId: Id,
  number: z.string().max(64).nullable(),
  /** The server's refusal code, such as PAYMENT_EXCEEDS_DUE. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/),
  /** When the station learnt of it. */
  at: IsoTime,
});

/** Unsynced work the station still holds, reported so the back office can see it. */
export const PendingCountsSchema = z.object({
  openOrders: z.number().int().min(0).max(MAX_PENDING_ORDERS),
  paidOrders: z.number().int().min(0).max(MAX_PENDING_ORDERS),
  /** The refused orders it holds; absent from stations older than protocol 3. */
  refused: z.array(RefusedOrderReportSchema).max(MAX_REFUSED_REPORTED).optional(),
});

/** `POST /api/sync/push` with the device token: store these ops (idempotent, all or nothing). */
export const PushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  ops: z.array(OpSchema).max(MAX_PUSH_OPS),
  pending: PendingCountsSchema.optional(),
  /**
   * The cashier's shifts, their own stream beside the order ops (protocol 6; docs/sync-protocol.md,
   * "Shifts"): held by id like ops, answered in `held` with them.
   */
  shiftOps: z.array(ShiftOpSchema).max(MAX_PUSH_SHIFT_OPS).optional(),
  /**
   * The last op of the push sent just before this one, both on their way at once (a catch-up's
   * pipeline): the server refuses this push (409 `PUSH_OUT_OF_ORDER`) while it does not hold
   * that op, so pushes are stored in the order they were sent, whatever order they arrive in.
   */
  follows: Id.optional(),
});
export const PushResponseSchema = z.object({
  /** Every pushed op id the server now holds (new or already held): safe to mark synced. */
  held: z.array(Id),
  /** The server's sequence after this push. */
  cursor: z.number().int().min(0),
});
