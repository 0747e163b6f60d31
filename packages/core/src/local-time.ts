/** The store's time zone when it has none of its own. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Building a DateTimeFormat costs far more than using one, and a sync folds thousands of orders.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(epochMs);
}

/** The hour (0–23) of an instant on the wall clock of a time zone. */
export function localHour(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    // h23: midnight is 00, never 24.
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(epochMs));
}
