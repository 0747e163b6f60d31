import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { KitchenText } from "../i18n/kitchen-text.js";

/** What to tell the kitchen about a failed call: the station's own message when it sent one. */
export function errorText(error: unknown, t: KitchenText): string {
  if (error instanceof ApiError && error.code === STATION_UNREACHABLE) return t("errors.serverUnreachable");
  if (error instanceof ApiError && error.message !== "") return error.message;
  return t("errors.generic");
}
