import { type Clock, foldOrder, localDate, type Op, type Order } from "@quay/core";
import type { TicketContent } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { printsHere } from "./print-rule.js";
import { joinLines, type KitchenLine, orderChange, type PlannedTicket, planTickets } from "./ticket-plan.js";
import { SETTLE_MS } from "./ticket-settle.js";

/**
 * Ops older than this when they reach the station are history (a first pull, a long-lost phone):
 * no ticket. Younger ones too old to print by themselves are held instead (docs/printing.md).
 */
const HISTORY_MS = 24 * 60 * 60 * 1000;

const systemClock: Clock = { now: () => Date.now() };

/**
 * Writes the bar and kitchen tickets a batch of ops causes, inside the transaction that stores
 * them, before they are stored (so the order's ops held so far are the "before"). Each order's
 * new ops in the batch are one batch of tickets: one per printer touched, per kind.
 */
export class TicketRecorder {
  /** A spoke leaves the phones' items to its hub (set at start-up from `--hub`). */
  isSpoke = false;
  /** The station's best time (the server's, as corrected); set at start-up. */
  clock: Clock = systemClock;

  constructor(private readonly db: StationDb) {}

  /** Records the tickets of `ops` (this station's own, or pulled ones). Idempotent per op. */
  record(ops: readonly Op[]): void {
    const { db } = this;
    const printers = db.catalog()?.printers ?? [];
    const identity = db.identity();
    if (!identity || !printers.some((printer) => printer.kind === "kitchen" && printer.active)) return;
    const role = { stationId: identity.stationId, isSpoke: this.isSpoke };
    const byOrder = new Map<string, Op[]>();
    for (const op of ops) {
      // Rule first: only the ops printed here are claimed, so a claim means "considered here".
      if (!printsHere(op, role) || !db.tickets.claim(op.id)) continue;
      byOrder.set(op.orderId, [...(byOrder.get(op.orderId) ?? []), op]);
    }
    const nowMs = this.clock.now();
    for (const [orderId, batch] of byOrder) {
      const latest = batch.reduce((last, op) => (op.at > last.at ? op : last));
      if (nowMs - Date.parse(latest.at) > HISTORY_MS) continue;
      const ids = new Set(batch.map((op) => op.id));
      const prior = db.orders.opsOf(orderId).filter((op) => !ids.has(op.id));
      const before = foldOrder(orderId, prior);
      const after = foldOrder(orderId, [...prior, ...batch]);
      const planned = planTickets(orderChange(before, after), after, printers, (itemId) => {
        return db.findItem(itemId)?.categoryId;
      });
      const opKey = [...ids].sort().join(",");
      const createdAt = new Date(nowMs).toISOString();
      for (const ticket of planned) {
        const content = (number: number) => this.content(ticket, before, after, latest, number);
        if (ticket.kind === "items" && this.join(ticket.printer.id, orderId, [...ids], content, latest.at)) {
          continue;
        }
        db.tickets.add({
          printerId: ticket.printer.id,
          opKey: `${ticket.kind}:${opKey}`,
          orderId,
          kind: ticket.kind,
          day: localDate(Date.parse(latest.at), identity.store.timeZone),
          content,
          madeAt: latest.at,
          createdAt,
        });
      }
    }
  }

  /**
   * Adds new lines to the order's "new items" ticket on that printer if it is still open (queued,
   * last, changed less than SETTLE_MS ago): the taps of one cashier make one ticket. The ticket
   * keeps its number and is keyed by all the ops it prints. False if there is none to join.
   */
  private join(
    printerId: string,
    orderId: string,
    opIds: readonly string[],
    content: (number: number) => TicketContent,
    madeAt: string,
  ): boolean {
    const nowMs = this.clock.now();
    const since = new Date(nowMs - SETTLE_MS).toISOString();
    const open = this.db.tickets.openItemsTicket(printerId, orderId, since);
    if (!open) return false;
    const fresh = content(open.content.number);
    const keptIds = open.opKey.slice("items:".length).split(",");
    return this.db.tickets.extend(open.id, {
      opKey: `items:${[...keptIds, ...opIds].sort().join(",")}`,
      content: { ...fresh, lines: joinLines(open.content.lines, fresh.lines) },
      madeAt,
      changedAt: new Date(nowMs).toISOString(),
    });
  }

  private content(
    ticket: PlannedTicket,
    before: Order,
    after: Order,
    latest: Op,
    number: number,
  ): TicketContent {
    const store = this.db.identity()?.store;
    return {
      kind: ticket.kind,
      storeName: store?.name ?? "",
      timeZone: store?.timeZone ?? "Asia/Ho_Chi_Minh",
      tableName: this.tableName(after.tableId),
      ...(ticket.kind === "move" ? { fromTableName: this.tableName(before.tableId) } : {}),
      orderNumber: after.number ?? "",
      at: latest.at,
      sentBy: this.db.credentials.findByUserId(latest.userId)?.name ?? null,
      number,
      printerName: ticket.printer.name,
      lines: ticket.lines.map(({ itemId: _itemId, ...line }: KitchenLine) => line),
    };
  }

  private tableName(tableId: string | null): string | null {
    return tableId === null ? null : (this.db.findTable(tableId)?.name ?? "?");
  }
}
