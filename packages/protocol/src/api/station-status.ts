import { z } from "zod";
import { IsoTime } from "../wire/common.js";
import { PendingCountsSchema } from "../wire/push.js";

export const SYNC_STATES = ["idle", "offered", "running", "failed"] as const;
export const SYNC_PHASES = ["open", "paid"] as const;

/** `GET /api/status` on a station, and the body of its SSE `status` event (API.md). */
export const StationStatusSchema = z.object({
  mode: z.enum(["online", "offline"]),
  serverReachable: z.boolean(),
  pending: PendingCountsSchema,
  sync: z.object({
    state: z.enum(SYNC_STATES),
    phase: z.enum(SYNC_PHASES).nullable(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** Stable code of the last failure while `state` is `failed`. */
    error: z.string().nullable().optional(),
  }),
  lastSyncAt: IsoTime.nullable(),
});
export type StationStatus = z.infer<typeof StationStatusSchema>;
