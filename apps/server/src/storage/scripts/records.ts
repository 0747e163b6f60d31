import type { CredentialEntry, RefusedOrderReport, Role, Store } from "@quay/protocol";

/** A store as the server keeps it: the wire `Store` plus its tenant. */
export interface StoreRecord extends Store {
  readonly tenantId: string;
}

export interface UserRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly pinHash: string | null;
  readonly active: boolean;
  /** The stores the user works in (owners reach every store of their tenant regardless). */
  readonly storeIds: readonly string[];
}

export type SessionKind = "user" | "device";

export interface SessionRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: SessionKind;
  /** The user id, or the station id of a device session. */
  readonly subjectId: string;
  /** Unix milliseconds. */
  readonly expiresAt: number;
  readonly revoked: boolean;
}

export interface PendingCounts {
  readonly openOrders: number;
  readonly paidOrders: number;
  /** The orders refused for good that wait for a manager there (absent: not reported). */
  readonly refused?: readonly RefusedOrderReport[] | undefined;
}

export interface StationRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  /** Unsynced work the station reported at its last push. */
  readonly pending: PendingCounts | null;
}

export type { CredentialEntry };
