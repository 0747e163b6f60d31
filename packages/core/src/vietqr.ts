import { crc16CcittFalse } from "./crc16.js";
import { MAX_AMOUNT } from "./money.js";

/** NAPAS's application id inside the merchant account field (tag 38). */
export const NAPAS_AID = "A000000727";
/** "Transfer to an account" service code (as opposed to QRIBFTTC, to a card). */
export const NAPAS_SERVICE_TO_ACCOUNT = "QRIBFTTA";

export interface VietQrInput {
  /** The bank's 6-digit BIN, e.g. 970436 for Vietcombank. */
  bankBin: string;
  accountNumber: string;
  /** Whole đồng; omitted for a static QR the payer fills in. */
  amount?: number;
  /** The transfer message (tag 62-08), e.g. the invoice number. */
  purpose?: string;
}

export class VietQrError extends Error {
  override readonly name = "VietQrError";
  constructor(
    readonly reason: "INVALID_BANK_BIN" | "INVALID_ACCOUNT" | "INVALID_AMOUNT" | "INVALID_PURPOSE",
  ) {
    super(`cannot build VietQR: ${reason}`);
  }
}

/** One EMVCo TLV field: 2-digit tag, 2-digit length, value. */
function field(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMVCo field ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, "0")}${value}`;
}

/**
 * The VietQR payload (NAPAS 247 on the EMVCo merchant-presented QR): a bank app that scans it
 * fills in the account, the exact amount and the message. Built locally, so it works offline.
 */
export function buildVietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new VietQrError("INVALID_BANK_BIN");
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new VietQrError("INVALID_ACCOUNT");
  const { amount, purpose } = input;
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT)) {
    throw new VietQrError("INVALID_AMOUNT");
  }
  // Bank apps choke on diacritics in the message: keep it to printable ASCII.
  if (purpose !== undefined && !/^[\x20-\x7e]{1,25}$/.test(purpose)) throw new VietQrError("INVALID_PURPOSE");

  const beneficiary = field("00", input.bankBin) + field("01", input.accountNumber);
  const merchantAccount =
    field("00", NAPAS_AID) + field("01", beneficiary) + field("02", NAPAS_SERVICE_TO_ACCOUNT);
  const body =
    field("00", "01") +
    field("01", amount === undefined ? "11" : "12") +
    field("38", merchantAccount) +
    field("53", "704") +
    (amount === undefined ? "" : field("54", String(amount))) +
    field("58", "VN") +
    (purpose === undefined ? "" : field("62", field("08", purpose))) +
    "6304";
  // Every field is ASCII (checked above), so one char is one byte.
  const crc = crc16CcittFalse(Uint8Array.from(body, (char) => char.charCodeAt(0)));
  return body + crc.toString(16).toUpperCase().padStart(4, "0");
}
