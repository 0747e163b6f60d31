import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { WaiterText } from "../i18n/waiter-text.js";

/** Whether a call failed because the server could not be reached (no answer at all). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.code === STATION_UNREACHABLE;
}

/** What to tell the waiter about a failed call: the server's own message when it sent one. */
export function errorText(error: unknown, t: WaiterText): string {
  if (isUnreachable(error)) return t("errors.serverUnreachable");
  if (error instanceof ApiError && error.message !== "") return error.message;
  return t("errors.generic");
}
