import { z } from "zod";
import { CatalogSnapshotSchema } from "./catalog.js";
import { IsoTime } from "./common.js";
import { CredentialEntrySchema } from "./credentials.js";
import { OpSchema } from "./op.js";
import { MAX_PUSH_OPS } from "./push.js";

/**
 * `GET /api/sync/pull?cursor=N&limit=M&protocolVersion=V` with the device token: what changed
 * after `cursor`. `protocolVersion` (absent before version 6: read as 5) leaves out the ops of
 * kinds the puller cannot read (`OP_KIND_SINCE`).
 */
export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PUSH_OPS).default(2_000),
  protocolVersion: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export const PullResponseSchema = z.object({
  cursor: z.number().int().min(0),
  /** More ops wait after `cursor`: pull again at once. */
  more: z.boolean(),
  /** Ops on the store's orders made by any device after the cursor, in server order. */
  ops: z.array(OpSchema),
  /** The whole catalog when it changed after the cursor, else null. */
  catalog: CatalogSnapshotSchema.nullable(),
  /** The store's users when they changed after the cursor, else null. */
  users: z.array(CredentialEntrySchema).nullable(),
  serverTime: IsoTime,
});
