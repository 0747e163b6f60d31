import { elapsedMinutes } from "../../shared/time/format-time.js";
import type { WaiterText } from "../i18n/waiter-text.js";

/** "12 phút", "1 giờ 5 phút": how long a table has been served. */
export function elapsedText(since: string | null, now: number, t: WaiterText): string {
  if (since === null) return "";
  const minutes = elapsedMinutes(since, now);
  if (minutes < 60) return t("tables.minutes", { count: minutes });
  return t("tables.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
