import type { StationStatus } from "../api/station-types.js";

type SyncStatus = StationStatus["sync"];

/** What the sync dialog shows. */
export type SyncView =
  | { readonly kind: "hidden" }
  | { readonly kind: "offer" }
  | {
      readonly kind: "progress";
      readonly phase: SyncStatus["phase"];
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: "success" }
  | { readonly kind: "failed"; readonly code: string; readonly message: string | null };

export interface SyncDialogState {
  readonly view: SyncView;
  /** The cashier answered "Later" to the current offer. */
  readonly offerDeferred: boolean;
  /** A sync this dialog showed is under way: its end deserves a "success" message. */
  readonly tracking: boolean;
  /** The cashier hid the progress to keep selling. */
  readonly progressHidden: boolean;
}

export type SyncDialogEvent =
  | { readonly type: "status"; readonly sync: SyncStatus }
  | { readonly type: "later" }
  | { readonly type: "hideProgress" }
  | { readonly type: "close" }
  | { readonly type: "requested" }
  | { readonly type: "requestFailed"; readonly code: string; readonly message: string };

export const initialSyncDialogState: SyncDialogState = {
  view: { kind: "hidden" },
  offerDeferred: false,
  tracking: false,
  progressHidden: false,
};

const HIDDEN: SyncView = { kind: "hidden" };

function onStatus(state: SyncDialogState, sync: SyncStatus): SyncDialogState {
  switch (sync.state) {
    case "offered":
      // The "Yes" was sent and the station has not started yet: this status is older than that.
      if (state.view.kind === "progress" && state.view.phase === null) return state;
      if (state.offerDeferred) return { ...state, view: HIDDEN };
      return { ...state, view: { kind: "offer" }, tracking: false };
    case "running": {
      const view: SyncView = state.progressHidden
        ? HIDDEN
        : { kind: "progress", phase: sync.phase, done: sync.done, total: sync.total };
      return { ...state, view, tracking: true, offerDeferred: false };
    }
    case "failed":
      if (!state.tracking && state.view.kind !== "offer") return { ...state, view: HIDDEN };
      return {
        ...state,
        view: { kind: "failed", code: sync.error ?? "SYNC_FAILED", message: null },
        tracking: false,
        progressHidden: false,
      };
    case "idle":
      if (state.tracking) return { ...initialSyncDialogState, view: { kind: "success" } };
      // A success or failure stays on screen until the cashier closes it.
      if (state.view.kind === "success" || state.view.kind === "failed")
        return { ...state, offerDeferred: false };
      return initialSyncDialogState;
  }
}

/**
 * The sync dialogs as a pure state machine, driven by the station's `sync` status and the
 * cashier's answers: offer ("Đồng bộ dữ liệu ngay?") → progress → success, or an error with Retry.
 */
export function syncDialogReducer(state: SyncDialogState, event: SyncDialogEvent): SyncDialogState {
  switch (event.type) {
    case "status":
      return onStatus(state, event.sync);
    case "later":
      return { ...state, view: HIDDEN, offerDeferred: true };
    case "hideProgress":
      return { ...state, view: HIDDEN, progressHidden: true };
    case "close":
      return { ...state, view: HIDDEN, tracking: false, progressHidden: false };
    case "requested":
      return {
        ...state,
        view: { kind: "progress", phase: null, done: 0, total: 0 },
        tracking: true,
        offerDeferred: false,
        progressHidden: false,
      };
    case "requestFailed":
      return {
        ...state,
        view: { kind: "failed", code: event.code, message: event.message },
        tracking: false,
      };
  }
}
