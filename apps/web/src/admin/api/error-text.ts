import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { AdminText } from "../i18n/admin-text.js";

/** What to tell the manager about a failed call: the server's own message when it sent one. */
export function errorText(error: unknown, t: AdminText): string {
  if (error instanceof ApiError) {
    if (error.code === STATION_UNREACHABLE) return t("errors.serverUnreachable");
    if (error.message !== "") return error.message;
  }
  return t("errors.generic");
}
