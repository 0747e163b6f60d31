import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankOutcome, MAX_NUMBER_CANDIDATES, orderNumberCandidates, transferText } from "./bank-transfer.js";
import { formatInvoiceNumber } from "./invoice-number.js";

const NUMBER = "CH01-Q1-20261203-0007";

describe("transferText", () => {
  it("keeps only upper-case ASCII letters and digits, as banks pass a message on", () => {
    expect(transferText("ch01-q1-20261203-0007 chuyển tiền")).toBe("CH01Q1202612030007CHUYENTIEN");
    expect(transferText("Đơn  ĐÃ trả")).toBe("DONDATRA");
  });
});

describe("orderNumberCandidates", () => {
  it("finds the number as the counter's VietQR wrote it", () => {
    expect(orderNumberCandidates(NUMBER, "CH01")).toContain(NUMBER);
  });

  it("finds it after a bank dropped the hyphens and wrapped it in its own words", () => {
    const texts = [
      "CH01Q1202612030007",
      "MBVCB.3278907687.CH01Q1202612030007.CT tu 0123456789 NGUYEN VAN A toi 0011001234567",
      "IBFT ch01 q1 20261203 0007 thanh toan",
      "CH01-Q1-20261203-0007-FT24338",
    ];
    for (const text of texts) expect(orderNumberCandidates(text, "CH01"), text).toContain(NUMBER);
  });

  it("tries each split of an ambiguous station code and day, and only real days", () => {
    const candidates = orderNumberCandidates("CH01Q12202612030007", "CH01");
    expect(candidates).toContain("CH01-Q12-20261203-0007");
    expect(candidates.every((candidate) => /-20\d{6}-\d{4,6}$/.test(candidate))).toBe(true);
  });

  it("finds a counter past four digits, and nothing of another store or without a number", () => {
    expect(orderNumberCandidates("CH01W2026120312345", "CH01")).toContain("CH01-W-20261203-12345");
    expect(orderNumberCandidates(NUMBER, "CH02")).toEqual([]);
    expect(orderNumberCandidates("chuyen tien cafe", "CH01")).toEqual([]);
    expect(orderNumberCandidates("CH01-Q1-20261399-0007", "CH01")).toEqual([]);
  });

  it("always finds any invoice number the counter makes, hyphens or not, within the cap", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/),
        fc.stringMatching(/^[A-Z][0-9]{0,2}$/),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.boolean(),
        (storeCode, stationCode, epochMs, sequence, dropHyphens) => {
          const number = formatInvoiceNumber({ storeCode, stationCode, epochMs, sequence });
          const text = dropHyphens ? number.replaceAll("-", "") : `TT ${number}`;
          const candidates = orderNumberCandidates(text, storeCode);
          expect(candidates).toContain(number);
          expect(candidates.length).toBeLessThanOrEqual(MAX_NUMBER_CANDIDATES);
        },
      ),
    );
  });
});

describe("bankOutcome", () => {
  const open = { status: "open", total: 58_000, paid: 0 } as const;
  it("matches an open order owing exactly the amount", () => {
    expect(bankOutcome(open, 58_000)).toBe("matched");
    expect(bankOutcome({ ...open, paid: 20_000 }, 38_000)).toBe("matched");
  });
  it("keeps any other amount, a paid order and no order for a manager", () => {
    expect(bankOutcome(open, 50_000)).toBe("wrong_amount");
    expect(bankOutcome({ ...open, paid: 20_000 }, 58_000)).toBe("wrong_amount");
    expect(bankOutcome({ status: "paid", total: 58_000, paid: 58_000 }, 58_000)).toBe("already_paid");
    expect(bankOutcome({ status: "void", total: 58_000, paid: 0 }, 58_000)).toBe("no_order");
    expect(bankOutcome(null, 58_000)).toBe("no_order");
    expect(bankOutcome({ status: "open", total: 0, paid: 0 }, 0)).toBe("wrong_amount");
  });
});
