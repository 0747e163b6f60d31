import type { Dong } from "./money.js";
import type { PaymentMethod } from "./order-op.js";

/**
 * A cashier's shift at one counter is its own small op log, a sibling of the orders' log
 * (docs/sync-protocol.md, "Shifts"): it opens with the opening cash, records cash taken in or
 * out of the drawer, and closes with the drawer counted by denomination.
 */
export const SHIFT_OP_KINDS = ["shiftOpen", "shiftCash", "shiftClose"] as const;
export type ShiftOpKind = (typeof SHIFT_OP_KINDS)[number];

export const CASH_DIRECTIONS = ["in", "out"] as const;
export type CashDirection = (typeof CASH_DIRECTIONS)[number];

/** The Vietnamese notes a drawer is counted in, largest first (smaller coins are out of use). */
export const DENOMINATIONS = [
  500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000,
] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

/** The most notes of one denomination a count may hold: far beyond any drawer. */
export const MAX_NOTES_PER_DENOMINATION = 100_000;

/** A drawer's count: notes per denomination, keyed by the denomination in đồng ("500000"). */
export type CashCount = Readonly<Partial<Record<`${Denomination}`, number>>>;

/** What a closed shift's counter computed when it closed: kept with the close, never recomputed. */
export interface ShiftFigures {
  readonly cashSales: Dong;
  readonly cashRefunds: Dong;
  readonly revenue: Dong;
  readonly orders: number;
  readonly byMethod: readonly { readonly method: PaymentMethod; readonly amount: Dong }[];
}

export interface ShiftOpData {
  /** `storeId`: the store the counter sells for, so a receiver files the shift under it. */
  shiftOpen: { openingCash: Dong; storeId: string };
  shiftCash: { amount: Dong; direction: CashDirection; reason: string };
  shiftClose: { counted: CashCount; figures: ShiftFigures };
}

interface ShiftOpEnvelope {
  /** UUIDv7; ops with the same id are the same op (as for order ops). */
  readonly id: string;
  readonly shiftId: string;
  /** The station that runs the shift: a shift belongs to one counter. */
  readonly deviceId: string;
  readonly deviceSeq: number;
  readonly at: string;
  readonly userId: string;
}

export type ShiftOp = {
  [K in ShiftOpKind]: ShiftOpEnvelope & { readonly kind: K; readonly data: ShiftOpData[K] };
}[ShiftOpKind];
export type ShiftOpOf<K extends ShiftOpKind> = Extract<ShiftOp, { kind: K }>;

/** The order shift ops apply in, as order ops do: `(at, deviceId, deviceSeq, id)`. */
export function compareShiftOps(a: ShiftOp, b: ShiftOp): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  if (a.deviceSeq !== b.deviceSeq) return a.deviceSeq - b.deviceSeq;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
