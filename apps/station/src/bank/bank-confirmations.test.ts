import type { BankTransfer } from "@quay/protocol";
import { describe, expect, it } from "vitest";
import { BankConfirmations } from "./bank-confirmations.js";

const transfer = (id: string, orderId: string, amount = 58_000): BankTransfer => ({
  id,
  orderId,
  orderNumber: "CH01-Q1-20261203-0007",
  amount,
  bankRef: `FT${id}`,
  at: "2026-12-03T03:00:00.000Z",
});
const ID = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, "0")}`;

describe("BankConfirmations", () => {
  it("keeps the latest confirmation of each order and tells each one once", () => {
    const confirmations = new BankConfirmations();
    const told: string[] = [];
    confirmations.onConfirmed((confirmed) => told.push(confirmed.id));
    confirmations.add([transfer(ID(1), ID(100))]);
    // The same page pulled again (a cursor that went back) tells nobody twice.
    confirmations.add([transfer(ID(1), ID(100)), transfer(ID(2), ID(200))]);
    expect(told).toEqual([ID(1), ID(2)]);
    expect(confirmations.forOrder(ID(100))?.id).toBe(ID(1));
    expect(confirmations.forOrder(ID(300))).toBeNull();
    confirmations.add([transfer(ID(3), ID(100), 20_000)]);
    expect(confirmations.forOrder(ID(100))).toMatchObject({ id: ID(3), amount: 20_000 });
  });

  it("forgets the oldest orders past what it keeps", () => {
    const confirmations = new BankConfirmations();
    confirmations.add(Array.from({ length: 600 }, (_, n) => transfer(ID(n + 1), ID(10_000 + n))));
    expect(confirmations.forOrder(ID(10_000))).toBeNull();
    expect(confirmations.forOrder(ID(10_599))?.id).toBe(ID(600));
  });
});
