import { useCallback, useEffect, useReducer } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api/api-error.js";
import { errorText } from "../api/error-text.js";
import type { StationStatus } from "../api/station-types.js";
import {
  initialSyncDialogState,
  type SyncDialogEvent,
  type SyncView,
  syncDialogReducer,
} from "./sync-dialog-state.js";

export interface SyncFlow {
  readonly view: SyncView;
  /** The cashier's "Yes" (or Retry, or "Sync now"): asks the station to sync. */
  readonly start: () => void;
  readonly dispatch: (event: SyncDialogEvent) => void;
}

/** Drives the sync dialogs from the station's live status and the cashier's answers. */
export function useSyncFlow(status: StationStatus | null, startSync: () => Promise<unknown>): SyncFlow {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(syncDialogReducer, initialSyncDialogState);
  const sync = status?.sync;

  useEffect(() => {
    if (sync !== undefined) dispatch({ type: "status", sync });
  }, [sync]);

  const start = useCallback(() => {
    dispatch({ type: "requested" });
    startSync().catch((error: unknown) => {
      const code = error instanceof ApiError ? error.code : "SYNC_FAILED";
      dispatch({ type: "requestFailed", code, message: errorText(error, t) });
    });
  }, [startSync, t]);

  return { view: state.view, start, dispatch };
}
