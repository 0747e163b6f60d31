import { z } from "zod";
import { CatalogSnapshotSchema, StoreSchema } from "./catalog.js";
import { Id, IsoTime, Text } from "./common.js";
import { CredentialEntrySchema } from "./credentials.js";
import { OpSchema } from "./op.js";

/** The largest number of ops one push may carry. */
export const MAX_PUSH_OPS = 10_000;

/**
 * `POST /api/sync/register` with a user's bearer token: binds this station to a store and
 * returns the device credential it uses from then on.
 */
export const RegisterStationRequestSchema = z.object({
  protocolVersion: z.number().int(),
  /** The store to bind to; defaults to the user's only store. */
  storeCode: z.string().optional(),
  /** A station that registered before and lost nothing sends its id to keep its code. */
  stationId: Id.optional(),
  name: Text(80),
});
export const RegisterStationResponseSchema = z.object({
  stationId: Id,
  /** Short code used in invoice numbers, e.g. "Q1". */
  stationCode: z.string().regex(/^[A-Z0-9]{1,6}$/),
  deviceToken: z.string(),
  store: StoreSchema,
});

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

/** `GET /api/sync/pull?cursor=N&limit=M` with the device token: what changed after `cursor`. */
export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PUSH_OPS).default(2_000),
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

/**
 * `GET /api/sync/events` (Server-Sent Events) with the device token: an event `changed`
 * with data `{ cursor }` whenever the store's data moves past a station's cursor.
 */
export const ChangedEventSchema = z.object({ cursor: z.number().int().min(0) });
