import type { TextValues } from "../i18n/typed-text.js";
import { elapsedMinutes } from "./format-time.js";

/** The keys an elapsed time reads from its app's messages: "{{count}} phút", "{{hours}} giờ {{minutes}} phút". */
export type ElapsedTextKey = "tables.minutes" | "tables.hours";

/** "12 phút", "1 giờ 5 phút": how long a table has been served; empty without a start. */
export function elapsedText(
  since: string | null,
  now: number,
  text: (key: ElapsedTextKey, values: TextValues) => string,
): string {
  if (since === null) return "";
  const minutes = elapsedMinutes(since, now);
  if (minutes < 60) return text("tables.minutes", { count: minutes });
  return text("tables.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
