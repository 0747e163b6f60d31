import { addDong, type Dong, ZERO } from "./money.js";
import {
  type CashCount,
  type CashDirection,
  compareShiftOps,
  type ShiftFigures,
  type ShiftOp,
  type ShiftOpOf,
} from "./shift-op.js";

export interface CashMovement {
  readonly id: string;
  readonly amount: Dong;
  readonly direction: CashDirection;
  readonly reason: string;
  readonly at: string;
  readonly userId: string;
}

/** A shift as its ops fold: what was opened, moved and counted (the figures come from orders). */
export interface ShiftState {
  readonly id: string;
  /** Null only while the shift's `shiftOpen` has not arrived. */
  readonly stationId: string | null;
  readonly storeId: string | null;
  readonly openedAt: string | null;
  readonly openedByUserId: string | null;
  readonly openingCash: Dong;
  readonly movements: readonly CashMovement[];
  readonly cashIn: Dong;
  readonly cashOut: Dong;
  readonly closedAt: string | null;
  readonly closedByUserId: string | null;
  readonly counted: CashCount | null;
  /** The figures the counter computed when it closed the shift. */
  readonly closedFigures: ShiftFigures | null;
}

/**
 * Folds a shift's ops, deterministically: duplicates are ignored, ops apply in `compareShiftOps`
 * order whatever order they arrived in, the first open and the first close count.
 */
export function foldShift(shiftId: string, ops: readonly ShiftOp[]): ShiftState {
  const unique = new Map<string, ShiftOp>();
  for (const op of ops) if (op.shiftId === shiftId && !unique.has(op.id)) unique.set(op.id, op);
  const ordered = [...unique.values()].sort(compareShiftOps);

  let open: ShiftOpOf<"shiftOpen"> | null = null;
  let close: ShiftOpOf<"shiftClose"> | null = null;
  const movements: CashMovement[] = [];
  let cashIn = ZERO;
  let cashOut = ZERO;
  for (const op of ordered) {
    if (op.kind === "shiftOpen") open ??= op;
    else if (op.kind === "shiftClose") close ??= op;
    else {
      const { amount, direction, reason } = op.data;
      movements.push({ id: op.id, amount, direction, reason, at: op.at, userId: op.userId });
      if (direction === "in") cashIn = addDong(cashIn, amount);
      else cashOut = addDong(cashOut, amount);
    }
  }
  return {
    id: shiftId,
    stationId: open?.deviceId ?? null,
    storeId: open?.data.storeId ?? null,
    openedAt: open?.at ?? null,
    openedByUserId: open?.userId ?? null,
    openingCash: open?.data.openingCash ?? ZERO,
    movements,
    cashIn,
    cashOut,
    closedAt: close?.at ?? null,
    closedByUserId: close?.userId ?? null,
    counted: close?.data.counted ?? null,
    closedFigures: close?.data.figures ?? null,
  };
}
