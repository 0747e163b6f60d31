/** The store's time zone when it has none of its own. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Building a DateTimeFormat costs far more than using one, and a sync folds thousands of orders.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

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

/**
 * An invoice number unique across the tenant without asking the server:
 * `STORE-STATION-YYYYMMDD-NNNN`, where NNNN is the station's own counter for that local day
 * (it grows past four digits rather than wrap).
 */
export function formatInvoiceNumber(input: {
  storeCode: string;
  stationCode: string;
  epochMs: number;
  sequence: number;
  timeZone?: string;
}): string {
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 1) {
    throw new RangeError(`invoice sequence must be a positive integer, got ${input.sequence}`);
  }
  const day = localDate(input.epochMs, input.timeZone).replaceAll("-", "");
  return `${input.storeCode}-${input.stationCode}-${day}-${String(input.sequence).padStart(4, "0")}`;
}
