import {
  type Actor,
  type CashCount,
  type CashDirection,
  type Clock,
  can,
  dong,
  expectedCash,
  type IdGenerator,
  type Shift,
  type ShiftOp,
  type ShiftOpData,
  type ShiftOpKind,
  type ShiftState,
  shiftFigures,
  shiftReport,
  validateShiftOp,
} from "@quay/core";
import type { ShiftDetailsView } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { shiftReportDetails } from "./shift-report-details.js";

export interface ShiftServiceDeps {
  db: StationDb;
  clock: Clock;
  newId: IdGenerator;
  /** Called after a shift op committed (never inside the transaction): the outbox has work. */
  onShiftChanged: () => void;
}

/**
 * The cashier's shift at this counter: open with the opening cash, cash in and out, close with
 * the drawer counted. Each action checks its op with the core (`validateShiftOp`), records it in
 * ONE synchronous SQLite transaction and answers the shift as the counter's own data computes it;
 * nothing waits on the network (the sync engine pushes the ops from the outbox later).
 */
export class ShiftService {
  constructor(private readonly deps: ShiftServiceDeps) {}

  /** The counter's open shift with its figures so far, or null. */
  current(): Shift | null {
    const state = this.deps.db.shifts.openShift(this.stationId());
    return state ? this.report(state) : null;
  }

  /** The counter's last closed shift (its end-of-shift report), or null. */
  lastClosed(): Shift | null {
    const state = this.deps.db.shifts.lastClosed(this.stationId());
    return state ? this.report(state) : null;
  }

  /** The end-of-shift report's sections beyond the cash: by category, discounts, controls. */
  details(shift: Shift): ShiftDetailsView {
    return shiftReportDetails(this.deps.db, shift);
  }

  /** Whether the store asks for an open shift before a payment, and none is open here. */
  requireOpenForPayment(): void {
    const identity = this.deps.db.identity();
    if (!identity?.store.shiftRequired) return;
    if (!this.deps.db.shifts.openShift(identity.stationId)) throw new StationError("SHIFT_REQUIRED");
  }

  open(actor: Actor, openingCash: number): Shift {
    const storeId = this.identity().store.id;
    return this.record(actor, () => {
      const open = this.deps.db.shifts.openShift(this.stationId());
      if (open) throw new StationError("SHIFT_ALREADY_OPEN");
      return {
        shift: null,
        shiftId: this.deps.newId(),
        kind: "shiftOpen",
        data: { openingCash: dong(openingCash), storeId },
      };
    });
  }

  cash(actor: Actor, input: { amount: number; direction: CashDirection; reason: string }): Shift {
    return this.record(actor, () => {
      const shift = this.requireOpen();
      const data = { amount: dong(input.amount), direction: input.direction, reason: input.reason.trim() };
      return { shift, shiftId: shift.id, kind: "shiftCash", data };
    });
  }

  /** Closes the open shift with the drawer's count, keeping the figures it closed with. */
  close(actor: Actor, counted: CashCount): Shift {
    return this.record(actor, () => {
      const shift = this.requireOpen();
      const figures = this.figures(shift);
      return { shift, shiftId: shift.id, kind: "shiftClose", data: { counted, figures } };
    });
  }

  private record<K extends ShiftOpKind>(
    actor: Actor,
    planned: () => { shift: ShiftState | null; shiftId: string; kind: K; data: ShiftOpData[K] },
  ): Shift {
    if (!can(actor.role, "shifts.run")) throw new StationError("FORBIDDEN", "shifts.run");
    const { db, clock, newId } = this.deps;
    const stationId = this.stationId();
    const state = db.transaction(
      () => {
        const { shift, shiftId, kind, data } = planned();
        // Never stamped before the shift's latest op, so its ops apply in the order they were made.
        const latest = [shift?.openedAt, ...(shift?.movements.map((m) => m.at) ?? [])].filter(
          (at): at is string => typeof at === "string",
        );
        const now = new Date(clock.now()).toISOString();
        const at = [now, ...latest].sort().at(-1) ?? now; // ISO times sort as text
        const op = {
          id: newId(),
          shiftId,
          deviceId: stationId,
          deviceSeq: db.shifts.lastDeviceSeq() + 1,
          at,
          userId: actor.userId,
          kind,
          data,
        } as ShiftOp;
        const drawer = shift ? expectedCash(shift, this.figures(shift)) : 0;
        const refused = validateShiftOp(shift, op, drawer);
        if (refused) throw new StationError(refused);
        return db.shifts.append(op);
      },
      { durable: true }, // cash changed hands, or a drawer was counted
    );
    this.deps.onShiftChanged();
    return this.report(state);
  }

  private requireOpen(): ShiftState {
    const shift = this.deps.db.shifts.openShift(this.stationId());
    if (!shift) throw new StationError("SHIFT_NOT_OPEN");
    return shift;
  }

  /** The open shift's sales so far, from the orders this counter holds. */
  private figures(shift: ShiftState) {
    const from = shift.openedAt ?? "";
    const orders = this.deps.db.shifts.ordersChangedSince(from);
    return shiftFigures(orders, { stationId: this.stationId(), from, to: null });
  }

  private report(state: ShiftState): Shift {
    const orders = state.closedFigures ? [] : this.deps.db.shifts.ordersChangedSince(state.openedAt ?? "");
    return shiftReport(state, orders);
  }

  private identity() {
    const identity = this.deps.db.identity();
    if (!identity) throw new StationError("NOT_PROVISIONED");
    return identity;
  }

  private stationId(): string {
    return this.identity().stationId;
  }
}
