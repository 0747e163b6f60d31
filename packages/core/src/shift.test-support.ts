/**
 * Test support, not shipped code: shift ops with valid envelopes, and paid bills folded from
 * order ops, for the shift tests.
 */
import { dong } from "./money.js";
import type { Order } from "./order.js";
import { foldOrder } from "./order-fold.js";
import type { Op, PaymentMethod } from "./order-op.js";
import { atMs, lineData, openData } from "./order-op-builder.test-support.js";
import type { CashCount, CashDirection, ShiftFigures, ShiftOp } from "./shift-op.js";

export const STATION = "station-1";
export const SHIFT_ID = "shift-1";

/** Writes a shift's ops the way one counter does; `atSeconds` into the test day. */
export function shiftDevice(deviceId = STATION, shiftId = SHIFT_ID) {
  let seq = 0;
  const envelope = (atSeconds: number) => {
    seq += 1;
    return {
      id: `${deviceId}-s${seq}`,
      shiftId,
      deviceId,
      deviceSeq: seq,
      at: atMs(atSeconds * 1000),
      userId: "user-1",
    };
  };
  return {
    open: (openingCash: number, atSeconds: number): ShiftOp => ({
      ...envelope(atSeconds),
      kind: "shiftOpen",
      data: { openingCash: dong(openingCash), storeId: "store-1" },
    }),
    cash: (
      amount: number,
      direction: CashDirection,
      atSeconds: number,
      reason = "nộp ngân hàng",
    ): ShiftOp => ({
      ...envelope(atSeconds),
      kind: "shiftCash",
      data: { amount: dong(amount), direction, reason },
    }),
    close: (counted: CashCount, figures: ShiftFigures, atSeconds: number): ShiftOp => ({
      ...envelope(atSeconds),
      kind: "shiftClose",
      data: { counted, figures },
    }),
  };
}

/** An amount taken by `method`: a bill's payment, or a shift's takings by method. */
export const paid = (method: PaymentMethod, amount: number) => ({ method, amount });

export interface BillSpec {
  id: string;
  /** Line price (one line). */
  price: number;
  payments: readonly { method: PaymentMethod; amount: number }[];
  /** Seconds into the test day of the checkout; null leaves the order open. */
  closedAtSeconds: number | null;
  /** The device that checks the bill out. */
  closedOn?: string;
  /** Refunds after the checkout, made on the device named (the shift's counter by default). */
  refunds?: readonly { amount: number; method: PaymentMethod; atSeconds: number; deviceId?: string }[];
}

/** A bill folded from its ops: opened and checked out on `closedOn` (the shift's counter by default). */
export function bill(spec: BillSpec): Order {
  const device = spec.closedOn ?? STATION;
  const start = Math.max(0, (spec.closedAtSeconds ?? 10) - 5);
  let seq = 0;
  const op = (kind: Op["kind"], data: unknown, atSeconds: number): Op => {
    seq += 1;
    return {
      id: `${spec.id}-${seq}`,
      orderId: spec.id,
      deviceId: device,
      deviceSeq: seq,
      at: atMs(atSeconds * 1000),
      userId: "user-1",
      kind,
      data,
    } as Op;
  };
  const ops: Op[] = [
    op("open", openData(null), start),
    op("addLine", lineData(`${spec.id}-l`, spec.price), start),
  ];
  for (const [index, payment] of spec.payments.entries())
    ops.push(
      op(
        "addPayment",
        { paymentId: `${spec.id}-p${index}`, method: payment.method, amount: dong(payment.amount) },
        start,
      ),
    );
  if (spec.closedAtSeconds !== null) ops.push(op("close", { total: dong(spec.price) }, spec.closedAtSeconds));
  for (const [index, refund] of (spec.refunds ?? []).entries()) {
    const data = {
      refundId: `${spec.id}-r${index}`,
      amount: dong(refund.amount),
      method: refund.method,
      reason: "x",
    };
    ops.push({ ...op("refund", data, refund.atSeconds), deviceId: refund.deviceId ?? STATION });
  }
  return foldOrder(spec.id, ops);
}
