import type { TicketContent, TicketKind, TicketState, TicketView } from "@quay/protocol";
import type { StationDatabase } from "../db/open-database.js";

/** A ticket about to be written, in the transaction of what causes it. */
export interface NewTicket {
  readonly printerId: string;
  /** What it prints: its ops' ids, or a bill request's id. One ticket per printer per key. */
  readonly opKey: string;
  readonly orderId: string;
  readonly kind: TicketKind;
  /** The store's local day (YYYY-MM-DD) its number counts in. */
  readonly day: string;
  /** Builds the content once the ticket's number of the day is known. */
  readonly content: (number: number) => TicketContent;
  /** When its ops were made (ISO). */
  readonly madeAt: string;
  readonly createdAt: string;
}

/** A ticket as the spooler takes it from its printer's queue. */
export interface QueuedTicket extends TicketView {
  /** When its ops were made (ISO): its age counts from then. */
  readonly madeAt: string;
  /** Someone pressed "In" on it while it was held: its age no longer holds it. */
  readonly released: boolean;
  /** When it was written or last took more lines (ISO, the station's time). */
  readonly changedAt: string;
}

/** A "new items" ticket still open to the next taps on its order (`openItemsTicket`). */
export interface OpenItemsTicket {
  readonly id: number;
  readonly opKey: string;
  readonly content: TicketContent;
}

interface TicketRow {
  id: number;
  printer_id: string;
  order_id: string;
  kind: TicketKind;
  state: TicketState;
  reprint: number;
  content: string;
  made_at: string;
  created_at: string;
  released_at: string | null;
  printed_at: string | null;
  changed_at: string;
  op_key: string;
}

const toView = (row: TicketRow): TicketView => ({
  id: row.id,
  printerId: row.printer_id,
  orderId: row.order_id,
  state: row.state,
  reprint: row.reprint === 1,
  content: JSON.parse(row.content) as TicketContent,
  createdAt: row.created_at,
  printedAt: row.printed_at,
});

const toQueued = (row: TicketRow): QueuedTicket => ({
  ...toView(row),
  madeAt: row.made_at,
  released: row.released_at !== null,
  changedAt: row.changed_at,
});

/**
 * The tickets table (docs/printing.md, "States"). Writes are single statements or run inside the
 * caller's transaction; a state change the spooler relies on (`printing` before the bytes go
 * out) is committed by the time the call returns, as better-sqlite3 commits each statement.
 */
export class TicketStore {
  private readonly insert;
  private readonly nextNumber;
  private readonly claimOp;
  private readonly selectNext;
  private readonly setState;
  private readonly finish;
  private readonly requeue;
  private readonly selectOne;
  private readonly selectByState;
  private readonly countWaiting;
  private readonly countHeld;
  private readonly selectLast;
  private readonly extendItems;
  private readonly holdOrphans;

  constructor(private readonly db: StationDatabase) {
    this.insert = db.prepare<
      [string, string, string, string, string, number, string, string, string, string],
      { id: number }
    >(
      `INSERT INTO tickets(printer_id, op_key, order_id, kind, day, number, content, state, made_at, created_at, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)
       ON CONFLICT(printer_id, op_key) DO NOTHING RETURNING id`,
    );
    this.nextNumber = db.prepare<[string], { next: number }>(
      "SELECT coalesce(max(number), 0) + 1 AS next FROM tickets WHERE day = ?",
    );
    // An op is considered for tickets once: keep this insert idempotent, its answer says whether
    // this call was the first.
    this.claimOp = db.prepare<[string]>("INSERT INTO ticket_ops(op_id) VALUES (?) ON CONFLICT DO NOTHING");
    this.selectNext = db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE printer_id = ? AND state IN ('queued', 'printing') ORDER BY id LIMIT 1`,
    );
    this.setState = db.prepare<[TicketState, number]>("UPDATE tickets SET state = ? WHERE id = ?");
    this.finish = db.prepare<[string, number]>(
      "UPDATE tickets SET state = 'done', printed_at = ? WHERE id = ? AND state = 'printing'",
    );
    this.requeue = db.prepare<[number, number]>(
      "UPDATE tickets SET state = 'queued', reprint = max(reprint, ?) WHERE id = ? AND state = 'printing'",
    );
    this.selectOne = db.prepare<[number], TicketRow>("SELECT * FROM tickets WHERE id = ?");
    this.selectByState = db.prepare<[TicketState, number], TicketRow>(
      "SELECT * FROM tickets WHERE state = ? ORDER BY id DESC LIMIT ?",
    );
    this.countWaiting = db.prepare<[], { printerId: string; count: number }>(
      `SELECT printer_id AS printerId, count(*) AS count FROM tickets
       WHERE state IN ('queued', 'printing') GROUP BY printer_id`,
    );
    this.countHeld = db.prepare<[], { count: number }>(
      "SELECT count(*) AS count FROM tickets WHERE state = 'held'",
    );
    this.selectLast = db.prepare<[string], TicketRow>(
      "SELECT * FROM tickets WHERE printer_id = ? ORDER BY id DESC LIMIT 1",
    );
    // Only while still queued: once the spooler has marked it printing, its paper is fixed.
    this.extendItems = db.prepare<[string, string, string, string, number]>(
      `UPDATE tickets SET op_key = ?, content = ?, made_at = ?, changed_at = ?
       WHERE id = ? AND state = 'queued' AND kind = 'items'`,
    );
    this.holdOrphans = db.prepare<[string]>(
      `UPDATE tickets SET state = 'held'
       WHERE state = 'queued' AND printer_id NOT IN (SELECT value FROM json_each(?))`,
    );
  }

  /** Whether `opId` is new to the ticket log; records it as considered. Inside the ops' transaction. */
  claim(opId: string): boolean {
    return this.claimOp.run(opId).changes === 1;
  }

  /** Writes a queued ticket with the day's next number; null if that printer has it already. */
  add(ticket: NewTicket): number | null {
    const number = this.nextNumber.get(ticket.day)?.next ?? 1;
    const row = this.insert.get(
      ticket.printerId,
      ticket.opKey,
      ticket.orderId,
      ticket.kind,
      ticket.day,
      number,
      JSON.stringify(ticket.content(number)),
      ticket.madeAt,
      ticket.createdAt,
      ticket.createdAt,
    );
    return row?.id ?? null;
  }

  /** Whether a ticket of `kind` (a receipt) was queued for `orderId` before. */
  hasDocument(orderId: string, kind: "bill" | "receipt"): boolean {
    return (
      this.db
        .prepare<[string, string], { n: number }>(
          "SELECT count(*) AS n FROM tickets WHERE order_id = ? AND kind = ?",
        )
        .get(orderId, kind)?.n !== 0
    );
  }

  /** Marks a ticket a copy of one printed before: its paper says "IN LẠI" first. */
  markReprint(id: number): void {
    this.db.prepare<[number]>("UPDATE tickets SET reprint = 1 WHERE id = ?").run(id);
  }

  /**
   * The "new items" ticket of `orderId` that more lines may still join: the printer's last
   * ticket (so nothing recorded after it would print before lines added to it), still queued,
   * never sent (no reprint, not released), and changed after `sinceIso`. Null otherwise.
   */
  /**
   * Whether one of `opIds` (a line's add and edits) is on an "items" ticket that left its queue:
   * the kitchen has the line (docs/printing.md), so its note and options no longer change.
   */
  printedAnyOf(orderId: string, opIds: readonly string[]): boolean {
    const rows = this.db
      .prepare<[string], { op_key: string }>(
        "SELECT op_key FROM tickets WHERE order_id = ? AND kind = 'items' AND state <> 'queued'",
      )
      .all(orderId);
    const wanted = new Set(opIds);
    return rows.some((row) =>
      row.op_key
        .slice("items:".length)
        .split(",")
        .some((id) => wanted.has(id)),
    );
  }

  openItemsTicket(printerId: string, orderId: string, sinceIso: string): OpenItemsTicket | null {
    const row = this.selectLast.get(printerId);
    const open =
      row?.kind === "items" &&
      row.order_id === orderId &&
      row.state === "queued" &&
      row.reprint === 0 &&
      row.released_at === null &&
      row.changed_at > sinceIso;
    return open ? { id: row.id, opKey: row.op_key, content: JSON.parse(row.content) as TicketContent } : null;
  }

  /** Gives an open "new items" ticket more lines and the ops they come from. Inside the ops' transaction. */
  extend(
    id: number,
    change: { opKey: string; content: TicketContent; madeAt: string; changedAt: string },
  ): boolean {
    const { opKey, content, madeAt, changedAt } = change;
    return this.extendItems.run(opKey, JSON.stringify(content), madeAt, changedAt, id).changes === 1;
  }

  /** The oldest ticket waiting for a printer (queued, or printing when a job was cut short). */
  nextFor(printerId: string): QueuedTicket | null {
    const row = this.selectNext.get(printerId);
    return row ? toQueued(row) : null;
  }

  /** Marks a ticket `printing`: committed before its bytes go to the printer. */
  markPrinting(id: number): void {
    this.setState.run("printing", id);
  }

  markDone(id: number, at: string): void {
    this.finish.run(at, id);
  }

  /** A job that failed goes back to the queue; `mayHavePrinted` marks its next copy "IN LẠI". */
  markFailed(id: number, mayHavePrinted: boolean): void {
    this.requeue.run(mayHavePrinted ? 1 : 0, id);
  }

  markHeld(id: number): void {
    this.setState.run("held", id);
  }

  /**
   * After a start: a ticket left `printing` (the station died between sending and the printer's
   * acknowledgement) is queued again once, marked "IN LẠI"; one that was already such a reprint
   * is held for someone to decide, so no crash loop prints it a third time. Returns how many.
   */
  recoverInterrupted(): number {
    return this.db.transaction(() => {
      const held = this.db
        .prepare("UPDATE tickets SET state = 'held' WHERE state = 'printing' AND reprint = 1")
        .run().changes;
      const queued = this.db
        .prepare("UPDATE tickets SET state = 'queued', reprint = 1 WHERE state = 'printing'")
        .run().changes;
      return held + queued;
    })();
  }

  find(id: number): TicketView | null {
    const row = this.selectOne.get(id);
    return row ? toView(row) : null;
  }

  /** Tickets in `state`, newest first, at most `limit`. */
  list(state: TicketState, limit = 200): TicketView[] {
    return this.selectByState.all(state, limit).map(toView);
  }

  /**
   * Holds the queued tickets of printers no longer printing (paused or removed in the back
   * office): they would wait unseen for ever; held, they show on the cashier's screen, where
   * someone prints them once the printer is back or dismisses them. Returns how many.
   */
  holdQueuedExcept(activePrinterIds: readonly string[]): number {
    return this.holdOrphans.run(JSON.stringify(activePrinterIds)).changes;
  }

  /** "In" on a held ticket: back to its printer's queue, printed whatever its age. */
  release(id: number, at: string): boolean {
    return (
      this.db
        .prepare<[string, number]>(
          "UPDATE tickets SET state = 'queued', released_at = ? WHERE id = ? AND state = 'held'",
        )
        .run(at, id).changes === 1
    );
  }

  /** "Bỏ qua" on a held ticket: never printed. */
  dismiss(id: number): boolean {
    return (
      this.db
        .prepare<[number]>("UPDATE tickets SET state = 'dismissed' WHERE id = ? AND state = 'held'")
        .run(id).changes === 1
    );
  }

  /** Tickets waiting, per printer id. */
  waitingCounts(): Map<string, number> {
    return new Map(this.countWaiting.all().map((row) => [row.printerId, row.count]));
  }

  heldCount(): number {
    return this.countHeld.get()?.count ?? 0;
  }
}
