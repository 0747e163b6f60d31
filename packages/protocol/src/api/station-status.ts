import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";
import { PendingCountsSchema } from "../wire/push.js";
import { PrintingStatusSchema } from "./tickets.js";

export const SYNC_STATES = ["idle", "offered", "running", "failed"] as const;
export const SYNC_PHASES = ["open", "paid"] as const;

/** `GET /api/status` on a station, and the body of its SSE `status` event (docs/api.md, "Station"). */
export const StationStatusSchema = z.object({
  mode: z.enum(["online", "offline"]),
  serverReachable: z.boolean(),
  pending: PendingCountsSchema,
  sync: z.object({
    state: z.enum(SYNC_STATES),
    phase: z.enum(SYNC_PHASES).nullable(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** Stable code of the last failure while `state` is `failed`: a SyncErrorCode, or the server's. */
    error: z.string().nullable().optional(),
    /** While `state` is `failed` because the server refused one order for good: that order. */
    orderId: Id.nullable().optional(),
  }),
  /** Orders the server refused for good, waiting for a manager ("cần quản lý xem"); the rest syncs. */
  refusedOrders: z
    .array(
      z.object({
        orderId: Id,
        number: z.string().nullable(),
        code: z.string(),
        message: z.string().nullable(),
        at: IsoTime,
      }),
    )
    .optional(),
  lastSyncAt: IsoTime.nullable(),
  /**
   * A spoke's link to its shop's hub (`--hub`): registered there, and answering; null for a
   * station that has no hub.
   */
  hub: z.object({ registered: z.boolean(), reachable: z.boolean() }).nullable().optional(),
  /** How far the server's clock is ahead of the counter PC's (ms); ops are stamped corrected. */
  clockOffsetMs: z.number().int().optional(),
  /** The store's printers as this station drives them, and the tickets held for being too old. */
  printing: PrintingStatusSchema.optional(),
});
export type StationStatus = z.infer<typeof StationStatusSchema>;
