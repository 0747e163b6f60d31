import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { AdminText } from "../i18n/admin-text.js";

/** The page's own words for some refusals, by the server's code ("IN_USE" of an option group). */
export type RefusalTexts = Readonly<Partial<Record<string, string>>>;

/**
 * What to tell the manager about a failed call: the page's words for its code when it has them,
 * else the server's own message when it sent one.
 */
export function errorText(error: unknown, t: AdminText, refusals: RefusalTexts = {}): string {
  if (error instanceof ApiError) {
    if (error.code === STATION_UNREACHABLE) return t("errors.serverUnreachable");
    const own = refusals[error.code];
    if (own !== undefined) return own;
    if (error.message !== "") return error.message;
  }
  return t("errors.generic");
}
