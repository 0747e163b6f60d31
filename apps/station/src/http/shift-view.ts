import type { Shift } from "@quay/core";
import type { ShiftView } from "@quay/protocol";

/** A shift as the HTTP API answers it (`ShiftSchema`). */
export function shiftView(shift: Shift): ShiftView {
  return {
    ...shift,
    byMethod: shift.byMethod.map((entry) => ({ ...entry })),
    counted: shift.counted === null ? null : { ...shift.counted },
    movements: shift.movements.map((movement) => ({ ...movement })),
  };
}

export function maybeShiftView(shift: Shift | null): ShiftView | null {
  return shift === null ? null : shiftView(shift);
}
