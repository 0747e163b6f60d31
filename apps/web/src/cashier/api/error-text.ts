import type { TFunction } from "i18next";
import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";

/** What to tell the cashier about a failed call: the station's own message when it sent one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === STATION_UNREACHABLE) return t("errors.stationUnreachable");
    if (error.message !== "") return error.message;
  }
  return t("errors.generic");
}
