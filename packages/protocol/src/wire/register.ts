import { z } from "zod";
import { StoreSchema } from "./catalog.js";
import { Id, Text } from "./common.js";

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
