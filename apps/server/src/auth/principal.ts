import type { SessionRecord, StationRecord, StoreRecord, UserRecord } from "../storage/scripts/records.js";

/** A person calling with a user token: their stores are the ones they may see and touch. */
export interface UserPrincipal {
  readonly kind: "user";
  readonly session: SessionRecord;
  readonly user: UserRecord;
  readonly stores: readonly StoreRecord[];
}

/** A station calling with its device token: bound to exactly one store. */
export interface DevicePrincipal {
  readonly kind: "device";
  readonly session: SessionRecord;
  readonly station: StationRecord;
  readonly store: StoreRecord;
}

export type Principal = UserPrincipal | DevicePrincipal;
