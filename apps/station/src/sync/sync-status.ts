import type { StationStatus } from "@quay/protocol";

type SyncStatus = StationStatus["sync"];
type SyncPhase = NonNullable<SyncStatus["phase"]>;

/** What the sync engine knows of its own progress; the rest of the status is read from the store. */
export interface SyncStatusState {
  readonly mode: "online" | "offline";
  readonly sync: {
    readonly state: SyncStatus["state"];
    readonly phase: SyncPhase | null;
    readonly done: number;
    readonly total: number;
    readonly error: string | null;
  };
  /** The server refused the device token (401): nothing syncs until a person logs in online again. */
  readonly deviceRejected: boolean;
}

export type SyncStatusEvent =
  /** The server answers again (the next round decides what that means). */
  | { readonly type: "reachable" }
  /** The server was lost. */
  | { readonly type: "lost" }
  /** Sales made offline wait for the cashier's yes. */
  | { readonly type: "offered" }
  /** The cashier said yes (`POST /api/sync`). */
  | { readonly type: "consent" }
  /** The approved sync starts. */
  | { readonly type: "started" }
  | { readonly type: "progress"; readonly phase: SyncPhase; readonly done: number; readonly total: number }
  /** Everything is pushed and pulled: the station is online. */
  | { readonly type: "finished" }
  /** A round failed with `code` (shown only when it broke a running sync). */
  | { readonly type: "failed"; readonly code: string }
  | { readonly type: "deviceRejected" }
  /** The station registered again and holds a device token the server accepts. */
  | { readonly type: "registered" };

export const initialSyncStatus: SyncStatusState = {
  mode: "offline",
  sync: { state: "idle", phase: null, done: 0, total: 0, error: null },
  deviceRejected: false,
};

const IDLE_SYNC: SyncStatusState["sync"] = initialSyncStatus.sync;

/** The status as a pure state machine: `(state, event) → state`; the same object when nothing changes. */
export function syncStatusReducer(state: SyncStatusState, event: SyncStatusEvent): SyncStatusState {
  const { sync } = state;
  switch (event.type) {
    case "reachable":
      return state;
    case "lost":
      if (sync.state === "running")
        return { ...state, mode: "offline", sync: { ...sync, state: "failed", error: "SERVER_UNREACHABLE" } };
      if (sync.state === "offered") return { ...state, mode: "offline", sync: { ...sync, state: "idle" } };
      return state.mode === "offline" ? state : { ...state, mode: "offline" };
    case "offered":
      if (sync.state === "offered") return state;
      return { ...state, sync: { ...sync, state: "offered", phase: null } };
    case "consent":
      if (sync.state !== "offered") return state;
      return { ...state, sync: { ...sync, state: "running" } };
    case "started":
      return { ...state, sync: { ...sync, state: "running", error: null } };
    case "progress":
      return { ...state, sync: { ...sync, phase: event.phase, done: event.done, total: event.total } };
    case "finished":
      return { ...state, mode: "online", sync: IDLE_SYNC };
    case "failed":
      if (sync.state !== "running") return state;
      return { ...state, sync: { ...sync, state: "failed", error: event.code } };
    case "deviceRejected":
      return {
        mode: "offline",
        sync: { ...sync, state: "failed", error: "DEVICE_REJECTED" },
        deviceRejected: true,
      };
    case "registered":
      return state.deviceRejected ? { ...state, deviceRejected: false } : state;
  }
}

/** What the status shows besides the engine's own state, read fresh each time. */
export interface StatusFacts {
  readonly serverReachable: boolean;
  readonly pending: StationStatus["pending"];
  readonly refusedOrders: NonNullable<StationStatus["refusedOrders"]>;
  readonly lastSyncAt: string | null;
}

/** `GET /api/status`, derived from the engine's state and the facts of the moment. */
export function stationStatus(state: SyncStatusState, facts: StatusFacts): StationStatus {
  const [oldest] = facts.refusedOrders;
  return {
    mode: state.mode,
    serverReachable: facts.serverReachable,
    pending: facts.pending,
    // Between syncs, an order the server refused is the failure to show, until a manager resolves it.
    sync:
      oldest && state.sync.state === "idle"
        ? { ...state.sync, state: "failed", error: oldest.code, orderId: oldest.orderId }
        : { ...state.sync },
    refusedOrders: facts.refusedOrders,
    lastSyncAt: facts.lastSyncAt,
  };
}
