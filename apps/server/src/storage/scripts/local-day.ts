/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) of an instant in a time zone: the same answer as the core's
 * `localDate`, cached for the push path, which asks it for every paid order.
 */
export function localDay(epochMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(epochMs);
}

/** The hour of the day (0–23) of an instant on the wall clock of a time zone. */
export function localHour(epochMs: number, timeZone: string): number {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    // h23: midnight is 00, never 24.
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormatters.set(timeZone, formatter);
  }
  return Number(formatter.format(epochMs));
}
