import type { SyncErrorCode } from "@quay/protocol";
import type { TFunction } from "i18next";
import { vi } from "../i18n/vi.js";

function isSyncErrorCode(code: string): code is SyncErrorCode {
  return Object.hasOwn(vi.syncErrors, code);
}

/**
 * What to tell the cashier about a sync that stopped with `code` (the station's `sync.error`):
 * the words for it, never the code itself. A code this app does not know, such as one the
 * server refused with, reads as the sync having been interrupted.
 */
export function syncErrorText(code: string | null | undefined, t: TFunction): string {
  return t(`syncErrors.${code != null && isSyncErrorCode(code) ? code : "SYNC_FAILED"}`);
}
