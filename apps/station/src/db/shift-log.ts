import { foldShift, type Order, type ShiftOp, type ShiftState } from "@quay/core";
import type { StationDatabase } from "./open-database.js";

/** An unsynced shift op as it goes out: its JSON is sent as stored. */
export interface OutgoingShiftOp {
  readonly id: string;
  readonly body: string;
}

/**
 * The counter's shifts in its SQLite file (docs/sync-protocol.md, "Shifts"): `shift_ops` is the
 * log and the outbox of shift ops, `shifts` says which shift is open. Callers wrap writes in a
 * transaction with whatever must commit with them.
 */
export class ShiftLog {
  private readonly insertOp;
  private readonly upsertShift;
  private readonly selectOps;
  private readonly selectOpen;
  private readonly selectLastClosed;
  private readonly selectUnsynced;
  private readonly countUnsynced;
  private readonly markOpSynced;
  private readonly selectMaxDeviceSeq;
  private readonly selectOrdersSince;

  constructor(db: StationDatabase) {
    // Ops with the same id are the same op: keep this insert idempotent.
    this.insertOp = db.prepare<[string, string, number, string, string, string]>(
      `INSERT INTO shift_ops(id, shift_id, device_seq, kind, at, body, synced) VALUES (?, ?, ?, ?, ?, ?, 0)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.upsertShift = db.prepare<[string, string, string, string | null]>(
      `INSERT INTO shifts(id, station_id, opened_at, closed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET closed_at = excluded.closed_at`,
    );
    this.selectOps = db.prepare<[string], { body: string }>(
      "SELECT body FROM shift_ops WHERE shift_id = ? ORDER BY seq",
    );
    this.selectOpen = db.prepare<[string], { id: string }>(
      "SELECT id FROM shifts WHERE station_id = ? AND closed_at IS NULL",
    );
    this.selectLastClosed = db.prepare<[string], { id: string }>(
      "SELECT id FROM shifts WHERE station_id = ? AND closed_at IS NOT NULL ORDER BY closed_at DESC LIMIT 1",
    );
    this.selectUnsynced = db.prepare<[number], OutgoingShiftOp>(
      "SELECT id, body FROM shift_ops WHERE synced = 0 ORDER BY seq LIMIT ?",
    );
    this.countUnsynced = db.prepare<[], { count: number }>(
      "SELECT count(*) AS count FROM shift_ops WHERE synced = 0",
    );
    this.markOpSynced = db.prepare<[string]>("UPDATE shift_ops SET synced = 1 WHERE id = ?");
    this.selectMaxDeviceSeq = db.prepare<[], { last: number | null }>(
      "SELECT max(device_seq) AS last FROM shift_ops",
    );
    this.selectOrdersSince = db.prepare<[string], { body: string }>(
      "SELECT body FROM orders WHERE updated_at >= ?",
    );
  }

  /** Records a shift op made here (already validated) and where its shift stands now. */
  append(op: ShiftOp): ShiftState {
    this.insertOp.run(op.id, op.shiftId, op.deviceSeq, op.kind, op.at, JSON.stringify(op));
    const state = this.state(op.shiftId);
    if (state.stationId !== null && state.openedAt !== null)
      this.upsertShift.run(state.id, state.stationId, state.openedAt, state.closedAt);
    return state;
  }

  state(shiftId: string): ShiftState {
    return foldShift(
      shiftId,
      this.selectOps.all(shiftId).map((row) => JSON.parse(row.body) as ShiftOp),
    );
  }

  /** The counter's open shift, or null. */
  openShift(stationId: string): ShiftState | null {
    const row = this.selectOpen.get(stationId);
    return row ? this.state(row.id) : null;
  }

  /** The counter's most recently closed shift, or null. */
  lastClosed(stationId: string): ShiftState | null {
    const row = this.selectLastClosed.get(stationId);
    return row ? this.state(row.id) : null;
  }

  /**
   * The orders changed at or after `at` (by the time of their latest op): every bill closed, and
   * every refund made, since then. A shift's figures pick theirs among them.
   */
  ordersChangedSince(at: string): Order[] {
    return this.selectOrdersSince.all(at).map((row) => JSON.parse(row.body) as Order);
  }

  /** The shift ops the server does not hold yet, oldest first. */
  unsynced(limit: number): OutgoingShiftOp[] {
    return this.selectUnsynced.all(limit);
  }

  pendingCount(): number {
    return this.countUnsynced.get()?.count ?? 0;
  }

  /** Marks as synced the sent shift ops the server holds. */
  markSynced(sent: readonly OutgoingShiftOp[], held: ReadonlySet<string>): void {
    for (const op of sent) if (held.has(op.id)) this.markOpSynced.run(op.id);
  }

  /** The highest `deviceSeq` a shift op of this counter used (0 if none). */
  lastDeviceSeq(): number {
    return this.selectMaxDeviceSeq.get()?.last ?? 0;
  }
}
