import { z } from "zod";
import { BankTransferSchema } from "./bank-transfer.js";
import { CatalogSnapshotSchema } from "./catalog.js";
import { IsoTime } from "./common.js";
import { CredentialEntrySchema } from "./credentials.js";
import { OpSchema } from "./op.js";
import { MAX_PUSH_OPS } from "./push.js";

/** `GET /api/sync/pull?cursor=N&limit=M&protocolVersion=V` with the device token: what changed after `cursor`. */
export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PUSH_OPS).default(2_000),
  /**
   * The puller's protocol version (since 7; absent: 6 or older). Ops of a kind its version does
   * not know are left out of the page (`opKnownAt`): it could not parse them.
   */
  protocolVersion: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export const PullResponseSchema = z.object({
  cursor: z.number().int().min(0),
  /** More ops wait after `cursor`: pull again at once. */
  more: z.boolean(),
  /**
   * Ops on the store's orders made by any device after the cursor, in server order, less those
   * of a kind the puller's version does not know.
   */
  ops: z.array(OpSchema),
  /** The whole catalog when it changed after the cursor, else null. */
  catalog: CatalogSnapshotSchema.nullable(),
  /** The store's users when they changed after the cursor, else null. */
  users: z.array(CredentialEntrySchema).nullable(),
  /**
   * Transfers the store's bank confirmed after the cursor (up to the cursor answered), for the
   * counter waiting on them (since 11; absent from an older server: none).
   */
  bankTransfers: z.array(BankTransferSchema).max(1_000).default([]),
  serverTime: IsoTime,
});
