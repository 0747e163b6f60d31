import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc16Bitwise } from "./crc16-reference.test-support.js";
import { MAX_AMOUNT } from "./money.js";
import { buildVietQrPayload, VietQrError, type VietQrInput } from "./vietqr.js";

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const hex4 = (crc: number) => crc.toString(16).toUpperCase().padStart(4, "0");

/*
 * Payloads written out by hand from the EMVCo merchant-presented QR spec and NAPAS's VietQR
 * profile: every field is ID (2) + length (2) + value. The CRC (ID 63, length 04) covers the
 * whole payload up to and including "6304"; its value here was computed outside this code base
 * (CRC-16/CCITT-FALSE) and is checked again below with the test's own bit-at-a-time register.
 */
const dynamicBody = [
  "00" + "02" + "01", // payload format indicator
  "01" + "02" + "12", // point of initiation: 12 = dynamic (one payment, amount fixed)
  "38" + "57", // merchant account information, NAPAS:
  "00" + "10" + "A000000727", //   NAPAS application id
  "01" + "27", //   beneficiary organisation:
  "00" + "06" + "970436", //     acquirer BIN: Vietcombank
  "01" + "13" + "0011001234567", //     account number
  "02" + "08" + "QRIBFTTA", //   service: transfer to an account
  "53" + "03" + "704", // currency: VND
  "54" + "05" + "58000", // amount
  "58" + "02" + "VN", // country
  "62" + "23", // additional data:
  "08" + "19" + "Q1-S2-20261129-0007", //   purpose of transaction
  "63" + "04", // CRC follows
].join("");
const dynamicPayload = `${dynamicBody}33FB`;

const staticBody = [
  "00" + "02" + "01",
  "01" + "02" + "11", // point of initiation: 11 = static (the payer types the amount)
  "38" + "58",
  "00" + "10" + "A000000727",
  "01" + "28",
  "00" + "06" + "970407", // Techcombank
  "01" + "14" + "19036666888011",
  "02" + "08" + "QRIBFTTA",
  "53" + "03" + "704",
  "58" + "02" + "VN",
  "63" + "04",
].join("");
const staticPayload = `${staticBody}6539`;

const amountOnlyBody = [
  "00" + "02" + "01",
  "01" + "02" + "12",
  "38" + "58",
  "00" + "10" + "A000000727",
  "01" + "28",
  "00" + "06" + "970418", // BIDV
  "01" + "14" + "12010000198765",
  "02" + "08" + "QRIBFTTA",
  "53" + "03" + "704",
  "54" + "07" + "1250000",
  "58" + "02" + "VN",
  "63" + "04",
].join("");
const amountOnlyPayload = `${amountOnlyBody}41CB`;

describe("buildVietQrPayload: known-good payloads", () => {
  it("the hand-written CRCs are right, by the test's own register", () => {
    expect(hex4(crc16Bitwise(ascii(dynamicBody)))).toBe("33FB");
    expect(hex4(crc16Bitwise(ascii(staticBody)))).toBe("6539");
    expect(hex4(crc16Bitwise(ascii(amountOnlyBody)))).toBe("41CB");
  });

  it("builds a dynamic QR with the amount and the purpose", () => {
    const input = {
      bankBin: "970436",
      accountNumber: "0011001234567",
      amount: 58_000,
      purpose: "Q1-S2-20261129-0007",
    };
    expect(buildVietQrPayload(input)).toBe(dynamicPayload);
  });

  it("builds a static QR without an amount", () => {
    expect(buildVietQrPayload({ bankBin: "970407", accountNumber: "19036666888011" })).toBe(staticPayload);
  });

  it("builds a dynamic QR with an amount and no purpose", () => {
    const input = { bankBin: "970418", accountNumber: "12010000198765", amount: 1_250_000 };
    expect(buildVietQrPayload(input)).toBe(amountOnlyPayload);
  });
});

describe("buildVietQrPayload: rejections", () => {
  const good: VietQrInput = {
    bankBin: "970436",
    accountNumber: "0011001234567",
    amount: 58_000,
    purpose: "HD 0007",
  };
  const reasonFor = (input: VietQrInput) => {
    try {
      buildVietQrPayload(input);
      return "built";
    } catch (error) {
      expect(error).toBeInstanceOf(VietQrError);
      return (error as VietQrError).reason;
    }
  };

  it.each(["97043", "9704366", "97043a", "", " 970436"])("rejects the bank BIN %j", (bankBin) => {
    expect(reasonFor({ ...good, bankBin })).toBe("INVALID_BANK_BIN");
  });

  it.each(["", "0011 001234567", "01234567890123456789", "số123"])(
    "rejects the account %j",
    (accountNumber) => {
      expect(reasonFor({ ...good, accountNumber })).toBe("INVALID_ACCOUNT");
    },
  );

  it.each([0, -58_000, 58_000.5, Number.NaN, MAX_AMOUNT + 1])("rejects the amount %d", (amount) => {
    expect(reasonFor({ ...good, amount })).toBe("INVALID_AMOUNT");
  });

  it.each(["Thanh toán hóa đơn", "Cà phê", "", "x".repeat(26), "tab\there"])(
    "rejects the purpose %j",
    (purpose) => {
      expect(reasonFor({ ...good, purpose })).toBe("INVALID_PURPOSE");
    },
  );

  it("accepts the largest amount and a 25-character purpose", () => {
    expect(reasonFor({ ...good, amount: MAX_AMOUNT, purpose: "x".repeat(25) })).toBe("built");
  });
});

describe("buildVietQrPayload: any valid input", () => {
  it("is well-formed TLV carrying the input back, with a correct CRC", () => {
    const input = fc.record(
      {
        bankBin: fc.stringMatching(/^\d{6}$/),
        accountNumber: fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
        amount: fc.integer({ min: 1, max: MAX_AMOUNT }),
        purpose: fc.stringMatching(/^[\x20-\x7e]{1,25}$/),
      },
      { requiredKeys: ["bankBin", "accountNumber"] },
    );
    fc.assert(
      fc.property(input, (qr) => {
        const payload = buildVietQrPayload(qr);
        const fields = parseTlv(payload);
        const merchant = parseTlv(fields.get("38") ?? "");
        const beneficiary = parseTlv(merchant.get("01") ?? "");
        expect(fields.get("01")).toBe(qr.amount === undefined ? "11" : "12");
        expect(beneficiary.get("00")).toBe(qr.bankBin);
        expect(beneficiary.get("01")).toBe(qr.accountNumber);
        expect(fields.get("54")).toBe(qr.amount === undefined ? undefined : String(qr.amount));
        expect(parseTlv(fields.get("62") ?? "").get("08")).toBe(qr.purpose);
        expect(fields.get("63")).toBe(hex4(crc16Bitwise(ascii(payload.slice(0, -4)))));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Reads one level of EMVCo TLV fields; fails the test on a malformed payload. */
function parseTlv(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const tag = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    expect(Number.isInteger(length) && at + 4 + length <= text.length, `field ${tag} at ${at}`).toBe(true);
    fields.set(tag, text.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}
