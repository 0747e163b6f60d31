import type { Clock } from "@quay/core";
import type { Printer, PrinterStatus, PrintingStatus } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import {
  DEFAULT_JOB_TIMEOUTS,
  type JobTimeouts,
  PrinterJobError,
  sendToPrinter,
} from "./printer-connection.js";
import { printingSettings } from "./printing-settings.js";
import { renderTicket } from "./render-ticket.js";
import { settleWaitMs } from "./ticket-settle.js";
import type { QueuedTicket } from "./ticket-store.js";

/** Waits between attempts at a printer that failed: doubling from the first, capped. */
export interface RetryDelays {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryDelays = { firstMs: 250, maxMs: 2_000 };

export interface SpoolerDeps {
  readonly db: StationDb;
  readonly clock: Clock;
  readonly logger: { warn(object: object, message: string): void };
  /** A printer's state or a queue changed: the cashier's status should be recomputed. */
  onStatusChanged(): void;
  readonly render?: (ticket: QueuedTicket, printer: Printer) => Promise<Uint8Array>;
  readonly send?: typeof sendToPrinter;
  readonly timeouts?: JobTimeouts;
  readonly retry?: RetryDelays;
}

/**
 * One printer's queue, worked in ticket order by one loop at a time: a ticket is marked
 * `printing` (committed) before its bytes go out and `done` once the printer took them. A failed
 * job stays first in the queue and the whole queue waits for the retry, so tickets never print
 * out of order.
 */
class PrinterWorker {
  state: PrinterStatus["state"] = "ready";
  lastError: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** The wake-up for when the queue's first ticket, a fresh "new items" one, has settled. */
  private settleTimer: NodeJS.Timeout | undefined;
  private delayMs: number;
  private stopped = false;

  constructor(
    private readonly printerId: string,
    private readonly deps: SpoolerDeps,
    private readonly retry: RetryDelays,
  ) {
    this.delayMs = retry.firstMs;
  }

  /** New work may be queued: drain the queue now, unless a retry is already scheduled. */
  wake(): void {
    if (this.stopped || this.retryTimer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.settleTimer);
    await this.running;
  }

  private printer(): Printer | undefined {
    return this.deps.db
      .catalog()
      ?.printers.find((printer) => printer.id === this.printerId && printer.active);
  }

  private async drain(): Promise<void> {
    const { db, clock } = this.deps;
    for (;;) {
      const printer = this.printer();
      const ticket = this.stopped || !printer ? null : db.tickets.nextFor(this.printerId);
      if (!printer || !ticket) return;
      const waitMs = settleWaitMs(ticket, clock.now());
      if (waitMs > 0) {
        // More taps may still join it; the tickets behind it wait too, so the order holds.
        this.wakeIn(waitMs);
        return;
      }
      const { ticketMaxAgeMs } = printingSettings(db.identity()?.store);
      if (!ticket.released && clock.now() - Date.parse(ticket.madeAt) > ticketMaxAgeMs) {
        // Too old to print by itself (a long outage): someone decides on the cashier's screen.
        db.tickets.markHeld(ticket.id);
        this.deps.onStatusChanged();
        continue;
      }
      db.tickets.markPrinting(ticket.id);
      try {
        const bytes = await (this.deps.render ?? renderTicket)(ticket, printer);
        await (this.deps.send ?? sendToPrinter)(
          printer.address,
          bytes,
          this.deps.timeouts ?? DEFAULT_JOB_TIMEOUTS,
        );
      } catch (error) {
        this.failed(ticket, error);
        return;
      }
      db.tickets.markDone(ticket.id, new Date(clock.now()).toISOString());
      this.delayMs = this.retry.firstMs;
      if (this.state !== "ready") {
        this.state = "ready";
        this.lastError = null;
      }
      this.deps.onStatusChanged();
    }
  }

  private failed(ticket: QueuedTicket, error: unknown): void {
    const { db } = this.deps;
    if (!(error instanceof PrinterJobError)) {
      // Not the printer's fault (the ticket could not be drawn): set it aside, go on with the rest.
      this.deps.logger.warn({ err: error, ticketId: ticket.id }, "ticket could not be rendered");
      db.tickets.markFailed(ticket.id, false);
      db.tickets.markHeld(ticket.id);
      this.deps.onStatusChanged();
      this.retryLater();
      return;
    }
    db.tickets.markFailed(ticket.id, error.mayHavePrinted);
    this.state = "unreachable";
    this.lastError = error.reason;
    this.deps.onStatusChanged();
    this.retryLater();
  }

  private wakeIn(ms: number): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.wake();
    }, ms);
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.wake();
    }, this.delayMs);
    this.delayMs = Math.min(this.delayMs * 2, this.retry.maxMs);
  }
}

/**
 * Drives every active printer of the store's catalog (docs/printing.md, "The spooler"): one
 * worker each, woken after every commit that may have queued a ticket, and retried with a capped
 * backoff while its printer fails. What it reports joins the station's status.
 */
export class PrinterSpooler {
  private readonly workers = new Map<string, PrinterWorker>();
  private started = false;

  constructor(private readonly deps: SpoolerDeps) {}

  /** Puts back the tickets a crash left `printing`, then starts on the queues. */
  start(): void {
    const recovered = this.deps.db.tickets.recoverInterrupted();
    if (recovered > 0) this.deps.logger.warn({ recovered }, "tickets cut off by a stop are printed again");
    this.started = true;
    this.kick();
  }

  /** Tickets may have been queued (after a commit) or printers changed (after a pull). */
  kick(): void {
    if (!this.started) return;
    const printers = this.activePrinters();
    const orphans = this.deps.db.tickets.holdQueuedExcept(printers.map((printer) => printer.id));
    if (orphans > 0) {
      this.deps.logger.warn({ orphans }, "tickets of a paused or removed printer are held");
      this.deps.onStatusChanged();
    }
    for (const printer of printers) {
      let worker = this.workers.get(printer.id);
      if (!worker) {
        worker = new PrinterWorker(printer.id, this.deps, this.deps.retry ?? DEFAULT_RETRY);
        this.workers.set(printer.id, worker);
      }
      worker.wake();
    }
  }

  status(): PrintingStatus {
    const waiting = this.deps.db.tickets.waitingCounts();
    return {
      printers: this.activePrinters().map((printer) => {
        const worker = this.workers.get(printer.id);
        return {
          id: printer.id,
          name: printer.name,
          state: worker?.state ?? "ready",
          queued: waiting.get(printer.id) ?? 0,
          lastError: worker?.lastError ?? null,
        };
      }),
      held: this.deps.db.tickets.heldCount(),
    };
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  private activePrinters(): Printer[] {
    return (this.deps.db.catalog()?.printers ?? []).filter((printer) => printer.active);
  }
}
