import type { StationDatabase } from "./open-database.js";

/** The per-station, per-local-day invoice counter, kept in the same file as the orders. */
export class InvoiceCounter {
  private readonly bump;

  constructor(db: StationDatabase) {
    this.bump = db.prepare<[string], { last: number }>(
      `INSERT INTO invoice_counters(day, last) VALUES (?, 1)
       ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last`,
    );
  }

  /** The next sequence number for `day` (YYYY-MM-DD); call inside the order's transaction. */
  next(day: string): number {
    const row = this.bump.get(day);
    if (!row) throw new Error("invoice counter did not return a value");
    return row.last;
  }
}
