import type { Op } from "@quay/core";
import type { StationDatabase } from "./open-database.js";
import type { OrderRefusal } from "./order-log.js";

/** A refused order as the status and the back office list it. */
export interface RefusedOrder extends OrderRefusal {
  readonly orderId: string;
  readonly number: string | null;
}

/**
 * Orders the server refused for good ("cần quản lý xem"). A refused order keeps its ops unsynced
 * but is left out of every push and of the pending counts, so it never blocks the rest; a
 * manager resolves it by setting aside the changes the server cannot take (kept here for the
 * record), after which the order syncs like any other.
 */
export class RefusedOrders {
  private readonly markRefused;
  private readonly leavePending;
  private readonly clearRefusal;
  private readonly selectRefused;
  private readonly insertSetAside;
  private readonly deleteUnsynced;
  private readonly deleteOp;

  constructor(db: StationDatabase) {
    this.markRefused = db.prepare<[string, string]>("UPDATE orders SET refusal = ? WHERE id = ?");
    this.leavePending = db.prepare<[string]>("DELETE FROM pending_orders WHERE order_id = ?");
    this.clearRefusal = db.prepare<[string]>("UPDATE orders SET refusal = NULL WHERE id = ?");
    this.selectRefused = db.prepare<[], { id: string; number: string | null; refusal: string }>(
      "SELECT id, number, refusal FROM orders WHERE refusal IS NOT NULL ORDER BY updated_at, id",
    );
    this.insertSetAside = db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO set_aside_ops (id, order_id, body, reason, set_aside_at, set_aside_by)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.deleteUnsynced = db.prepare<[string]>(
      "DELETE FROM unsynced_ops WHERE seq = (SELECT seq FROM ops WHERE id = ?)",
    );
    this.deleteOp = db.prepare<[string]>("DELETE FROM ops WHERE id = ?");
  }

  refuse(orderId: string, refusal: OrderRefusal): void {
    this.markRefused.run(JSON.stringify(refusal), orderId);
    this.leavePending.run(orderId);
  }

  /** Every refused order, the longest waiting first. */
  list(): RefusedOrder[] {
    return this.selectRefused.all().map((row) => ({
      orderId: row.id,
      number: row.number,
      ...(JSON.parse(row.refusal) as OrderRefusal),
    }));
  }

  /**
   * Moves unsynced ops out of the log into the record of set-aside changes, and lets the order
   * sync again. The caller refolds the order in the same transaction.
   */
  resolve(orderId: string, setAside: readonly { op: Op; reason: string }[], by: string, at: string): void {
    for (const { op, reason } of setAside) {
      this.insertSetAside.run(op.id, op.orderId, JSON.stringify(op), reason, at, by);
      // Only an op the server lacks leaves the log: whatever it holds stays.
      if (this.deleteUnsynced.run(op.id).changes > 0) this.deleteOp.run(op.id);
    }
    this.clearRefusal.run(orderId);
  }
}
