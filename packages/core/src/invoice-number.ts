import { localDate } from "./local-time.js";

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
