import { Id } from "@quay/protocol";
import { z } from "zod";
import type { StationDb, StationIdentity } from "../db/station-db.js";
import { StationError } from "../errors.js";

/** `?storeId=`, as the waiter's phone names its store on the cloud's calls. */
export const StoreQuerySchema = z.object({ storeId: Id.optional() });

/**
 * The station's identity, checked against the store a phone names: a station sells for one
 * store, so another store's id is 404 NOT_FOUND (another store's data is not even acknowledged,
 * as on the cloud); none names this one.
 */
export function stationStore(db: StationDb, storeId: string | undefined): StationIdentity {
  const identity = db.identity();
  if (!identity) throw new StationError("NOT_PROVISIONED");
  if (storeId !== undefined && storeId !== identity.store.id)
    throw new StationError("NOT_FOUND", `store ${storeId} is not this station's`);
  return identity;
}
