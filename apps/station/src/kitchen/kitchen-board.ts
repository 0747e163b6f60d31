import type { Op, OrderLine } from "@quay/core";
import { KITCHEN_WINDOW_HOURS, type KitchenBoard, type KitchenCard } from "@quay/protocol";
import type { StationOrder } from "../db/order-log.js";
import type { StationDb } from "../db/station-db.js";

const WINDOW_MS = KITCHEN_WINDOW_HOURS * 60 * 60 * 1000;

/**
 * What the kitchen or bar screen shows (docs/printing.md, "Kitchen and bar screen"): per order
 * not voided, its active lines not yet made (`readyAt` null) of the chosen categories (none: all)
 * ordered in the last `KITCHEN_WINDOW_HOURS`, one card per order, the longest waiting first.
 * A line folded before lines carried `orderedAt` is left out: nothing waits for it.
 */
export function kitchenBoard(db: StationDb, categoryIds: readonly string[], nowMs: number): KitchenBoard {
  const since = new Date(nowMs - WINDOW_MS).toISOString();
  const wanted = new Set(categoryIds);
  const makes = (line: OrderLine) => {
    if (wanted.size === 0) return true;
    const categoryId = db.findItem(line.itemId)?.categoryId;
    return categoryId !== undefined && wanted.has(categoryId);
  };
  const cards: KitchenCard[] = [];
  for (const order of ordersChangedSince(db, since)) {
    if (order.status === "void" || order.number === null) continue;
    const waiting = order.lines.filter(
      (line) =>
        line.readyAt === null && line.orderedAt !== undefined && line.orderedAt >= since && makes(line),
    );
    if (waiting.length === 0) continue;
    waiting.sort((a, b) => (a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : 0));
    cards.push(cardOf(db, order, waiting));
  }
  cards.sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : 0));
  return { cards, serverTime: new Date(nowMs).toISOString() };
}

function ordersChangedSince(db: StationDb, since: string): StationOrder[] {
  const rows = db.db
    .prepare<[string], { id: string }>("SELECT id FROM orders WHERE updated_at >= ? AND status <> 'void'")
    .all(since);
  return rows.flatMap((row) => db.orders.getOrder(row.id) ?? []);
}

function cardOf(db: StationDb, order: StationOrder, lines: readonly OrderLine[]): KitchenCard {
  const first = lines[0];
  if (!first) throw new Error("a card has lines");
  const tableName = order.tableId === null ? null : (db.findTable(order.tableId)?.name ?? "?");
  return {
    orderId: order.id,
    orderNumber: order.number ?? "",
    tableName,
    sentBy: sendersOf(db, db.orders.opsOf(order.id), lines),
    lines: lines.map((line) => ({
      lineId: line.id,
      name: line.name,
      quantity: line.quantity,
      note: line.note,
      orderedAt: line.orderedAt,
    })),
    waitingSince: first.orderedAt,
  };
}

/** The names of who sent the lines: the users of the ops that ordered them, the earliest first. */
function sendersOf(db: StationDb, ops: readonly Op[], lines: readonly OrderLine[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const sent = ops.find(
      (op) =>
        op.at === line.orderedAt &&
        (op.kind === "addLine" || op.kind === "setQuantity") &&
        op.data.lineId === line.id,
    );
    const name = sent ? (db.credentials.findByUserId(sent.userId)?.name ?? null) : null;
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}
