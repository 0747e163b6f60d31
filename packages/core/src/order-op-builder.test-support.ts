/**
 * Test support, not shipped code: builds order ops with valid envelopes for the fold and
 * validation tests. Named `.test-support.ts` so the layering test and readers know it.
 */
import type { VatRate } from "./catalog.js";
import { dong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import type { Op, OpData, OpKind, OpOf, PaymentMethod } from "./order-op.js";

export const ORDER_ID = "order-1";

/** 08:00 on 28 November 2026 in Hồ Chí Minh City: the start of every test day. */
export const DAY_START_MS = Date.UTC(2026, 10, 28, 1, 0, 0);

/** The ISO time `ms` milliseconds into the test day. */
export const atMs = (ms: number): string => new Date(DAY_START_MS + ms).toISOString();

export interface Envelope {
  id: string;
  deviceId: string;
  deviceSeq: number;
  at: string;
}

export function makeOp<K extends OpKind>(kind: K, data: OpData[K], envelope: Envelope): OpOf<K> {
  return { orderId: ORDER_ID, userId: "user-1", ...envelope, kind, data } as OpOf<K>;
}

/**
 * Writes ops the way one device does: ids unique, `deviceSeq` counting up. `atSeconds` is the
 * device time in seconds into the test day; `seq` overrides the counter to stage a tie.
 */
export function device(deviceId: string) {
  let lastSeq = 0;
  return <K extends OpKind>(kind: K, data: OpData[K], atSeconds: number, seq?: number): OpOf<K> => {
    lastSeq = seq ?? lastSeq + 1;
    const id = `${deviceId}-${lastSeq}-${atSeconds}`;
    return makeOp(kind, data, { id, deviceId, deviceSeq: lastSeq, at: atMs(atSeconds * 1000) });
  };
}

/** `addLine` data with defaults for what a test does not care about. */
export function lineData(
  lineId: string,
  unitPrice: number,
  quantity = 1,
  vatRate: VatRate = 8,
): OpData["addLine"] {
  return {
    lineId,
    itemId: `item-${lineId}`,
    name: `Món ${lineId}`,
    unitPrice: dong(unitPrice),
    vatRate,
    quantity,
    note: null,
  };
}

export const openData = (tableId: string | null = "table-1"): OpData["open"] => ({
  number: "S1-20261128-0001",
  tableId,
  storeId: "store-1",
});

export const paymentData = (
  paymentId: string,
  amount: number,
  method: OpData["addPayment"]["method"] = "cash",
): OpData["addPayment"] => ({ paymentId, method, amount: dong(amount) });

/**
 * A checkout by `by` (a `device`'s op maker): a payment of `amount` (58.000 ₫ in cash unless
 * told) at `atSeconds`, then the close for it a second later unless `closeAt` says when.
 */
export function checkout(
  by: ReturnType<typeof device>,
  atSeconds: number,
  options: { paymentId?: string; amount?: number; method?: PaymentMethod; closeAt?: number } = {},
): Op[] {
  const { paymentId = "p1", amount = 58_000, method = "cash", closeAt = atSeconds + 1 } = options;
  return [
    by("addPayment", paymentData(paymentId, amount, method), atSeconds),
    by("close", { total: dong(amount) }, closeAt),
  ];
}

/** The order `ops` fold to, as the tests' one order. */
export const fold = (...ops: Op[]) => foldOrder(ORDER_ID, ops);
