import { lineTitle, localDate, type Order } from "@quay/core";
import type { Printer, Store, TicketStoreDetails } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { discountLabel } from "./discount-label.js";
import { printingSettings } from "./printing-settings.js";

/** The store's receipt printer when the store prints its bills and receipts there, else null. */
export function receiptPrinter(db: StationDb): Printer | null {
  if (!printingSettings(db.identity()?.store).printReceipts) return null;
  return db.catalog()?.printers.find((printer) => printer.kind === "receipt" && printer.active) ?? null;
}

const textLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

/** The store's settings a bill or a receipt prints (the back office's store page). */
export function storeDetails(store: Store): TicketStoreDetails {
  return {
    address: store.address,
    phone: store.phone,
    taxCode: store.taxCode,
    header: textLines(store.receiptHeader),
    footer: textLines(store.receiptFooter),
    wifi: store.wifi,
  };
}

/**
 * Queues the provisional bill or the receipt of an order on the receipt printer, as a ticket
 * like the kitchen's (one per request: printing a bill twice is asked twice). 409
 * NO_RECEIPT_PRINTER when the store does not print them (the cashier app prints in the browser).
 * A receipt printed before (a reprint from the bill history) is marked "IN LẠI".
 */
export function queueDocument(
  db: StationDb,
  input: { order: Order; document: "bill" | "receipt"; requestId: string; userId: string; nowMs: number },
): number {
  const printer = receiptPrinter(db);
  const identity = db.identity();
  if (!printer || !identity) throw new StationError("NO_RECEIPT_PRINTER");
  const { order } = input;
  const at = new Date(input.nowMs).toISOString();
  return db.transaction(() => {
    const again = input.document === "receipt" && db.tickets.hasDocument(order.id, "receipt");
    const id = db.tickets.add({
      printerId: printer.id,
      opKey: `${input.document}:${input.requestId}`,
      orderId: order.id,
      kind: input.document,
      day: localDate(input.nowMs, identity.store.timeZone),
      madeAt: at,
      createdAt: at,
      content: (number) => ({
        kind: input.document,
        storeName: identity.store.name,
        timeZone: identity.store.timeZone,
        tableName: order.tableId === null ? null : (db.findTable(order.tableId)?.name ?? "?"),
        orderNumber: order.number ?? "",
        at,
        sentBy: db.credentials.findByUserId(input.userId)?.name ?? null,
        number,
        printerName: printer.name,
        lines: order.lines.map((line) => ({
          name: lineTitle(line),
          quantity: line.quantity,
          note: line.note,
          amount: line.amount,
          ...(line.discount
            ? { discount: { label: discountLabel(line.discount), amount: line.discount.amount } }
            : {}),
        })),
        money: {
          subtotal: order.subtotal,
          discount: order.discount,
          ...(order.billDiscount ? { discountLabel: discountLabel(order.billDiscount) } : {}),
          total: order.total,
          paid: order.paid,
          changeDue: order.changeDue,
        },
        store: storeDetails(identity.store),
      }),
    });
    // Each request has its own fresh id: a clash is a bug, not a retry.
    if (id === null) throw new Error(`print request ${input.requestId} queued twice`);
    if (again) db.tickets.markReprint(id);
    return id;
  });
}
