import { describe, expect, it } from "vitest";
import { formatInvoiceNumber } from "./invoice-number.js";
import { DEFAULT_TIME_ZONE, localDate } from "./local-time.js";

const invoice = (iso: string, sequence: number, timeZone?: string) =>
  formatInvoiceNumber({
    storeCode: "Q1",
    stationCode: "S2",
    epochMs: Date.parse(iso),
    sequence,
    ...(timeZone === undefined ? {} : { timeZone }),
  });

describe("localDate", () => {
  it("is the calendar day in Việt Nam (UTC+7) by default", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
    expect(localDate(Date.parse("2026-11-28T16:59:59.999Z"))).toBe("2026-11-28"); // 23:59:59.999
    expect(localDate(Date.parse("2026-11-28T17:00:00.000Z"))).toBe("2026-11-29"); // midnight
    expect(localDate(Date.parse("2026-12-31T17:00:00.000Z"))).toBe("2027-01-01");
  });

  it("follows another time zone when given one", () => {
    expect(localDate(Date.parse("2026-11-28T17:30:00Z"), "UTC")).toBe("2026-11-28");
    expect(localDate(Date.parse("2026-11-28T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-29");
  });
});

describe("formatInvoiceNumber", () => {
  it("dates the invoice by the local day: 17:30 UTC on the 28th is the 29th in Việt Nam", () => {
    expect(invoice("2026-11-28T17:30:00Z", 7)).toBe("Q1-S2-20261129-0007");
    expect(invoice("2026-11-28T17:30:00Z", 7, "UTC")).toBe("Q1-S2-20261128-0007");
  });

  it("pads the sequence to four digits", () => {
    expect(invoice("2026-11-28T03:00:00Z", 1)).toBe("Q1-S2-20261128-0001");
    expect(invoice("2026-11-28T03:00:00Z", 42)).toBe("Q1-S2-20261128-0042");
    expect(invoice("2026-11-28T03:00:00Z", 9_999)).toBe("Q1-S2-20261128-9999");
  });

  it("grows past 9999 rather than wrap", () => {
    expect(invoice("2026-11-28T03:00:00Z", 10_000)).toBe("Q1-S2-20261128-10000");
    expect(invoice("2026-11-28T03:00:00Z", 123_456)).toBe("Q1-S2-20261128-123456");
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])("rejects the sequence %d", (sequence) => {
    expect(() => invoice("2026-11-28T03:00:00Z", sequence)).toThrow(RangeError);
  });
});
