import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";

/**
 * What a ticket says: new items for the bar or kitchen, a cancel ("HỦY") of items already sent,
 * a moved-table notice, or the provisional bill and the receipt on the receipt printer.
 */
export const TICKET_KINDS = ["items", "cancel", "move", "bill", "receipt"] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/**
 * A ticket's life at its station (docs/printing.md): `queued` → `printing` (committed before the
 * bytes go out) → `done` once the printer took them; `held` when it was too old by its turn and
 * waits for someone; `dismissed` when that someone chose "Bỏ qua".
 */
export const TICKET_STATES = ["queued", "printing", "done", "held", "dismissed"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TicketLineSchema = z.object({
  name: z.string(),
  quantity: z.number().int().min(1),
  note: z.string().nullable(),
  /** Bills and receipts: the line's amount in đồng (after its own discount). */
  amount: z.number().int().optional(),
  /** Bills and receipts: the line's own discount, as it prints ("Giảm 10% (Khách quen)"). */
  discount: z.object({ label: z.string(), amount: z.number().int() }).optional(),
});
export type TicketLine = z.infer<typeof TicketLineSchema>;

/** The totals a bill or a receipt carries. */
export const TicketMoneySchema = z.object({
  subtotal: z.number().int(),
  discount: z.number().int(),
  /** How the bill's discount prints ("Giảm 20.000 đ (Khuyến mãi)"); absent: "Giảm giá". */
  discountLabel: z.string().optional(),
  total: z.number().int(),
  paid: z.number().int(),
  changeDue: z.number().int(),
});

/** What a bill or a receipt prints of its store beyond the name (the store's settings). */
export const TicketStoreDetailsSchema = z.object({
  address: z.string(),
  phone: z.string(),
  taxCode: z.string(),
  header: z.array(z.string()),
  footer: z.array(z.string()),
  wifi: z.string(),
});
export type TicketStoreDetails = z.infer<typeof TicketStoreDetailsSchema>;

/** The rendered content of a ticket, kept as data: the paper is drawn from it when it prints. */
export const TicketContentSchema = z.object({
  kind: z.enum(TICKET_KINDS),
  storeName: z.string(),
  timeZone: z.string(),
  /** The table's name, or null for a take-away order (shown by its number). */
  tableName: z.string().nullable(),
  /** Move notices: the table the order left (null: it was a take-away). */
  fromTableName: z.string().nullable().optional(),
  orderNumber: z.string(),
  /** When the ops it prints were made. */
  at: IsoTime,
  /** Who sent it (the name of the ops' user), when known. */
  sentBy: z.string().nullable(),
  /** The station's ticket number of its local day, from 1. */
  number: z.number().int().min(1),
  printerName: z.string(),
  lines: z.array(TicketLineSchema),
  money: TicketMoneySchema.optional(),
  /** Bills and receipts (absent from those written before): the store's lines around the items. */
  store: TicketStoreDetailsSchema.optional(),
});
export type TicketContent = z.infer<typeof TicketContentSchema>;

/** A ticket as `GET /api/tickets` lists it. */
export const TicketViewSchema = z.object({
  id: z.number().int(),
  printerId: Id,
  orderId: Id,
  state: z.enum(TICKET_STATES),
  /** Printed again after a crash or a cut-off job: the paper says "IN LẠI". */
  reprint: z.boolean(),
  content: TicketContentSchema,
  createdAt: IsoTime,
  printedAt: IsoTime.nullable(),
});
export type TicketView = z.infer<typeof TicketViewSchema>;

export const TicketListSchema = z.object({ tickets: z.array(TicketViewSchema) });

/** One printer as the station's status shows it to the cashier. */
export const PrinterStatusSchema = z.object({
  id: Id,
  name: z.string(),
  /** `unreachable` after a refused, timed-out or reset job, until one gets through. */
  state: z.enum(["ready", "unreachable"]),
  /** Tickets waiting for it (queued or printing). */
  queued: z.number().int().min(0),
  /** What the last failed attempt met (a stable code such as ECONNREFUSED or TIMEOUT). */
  lastError: z.string().nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

/** The printing part of a station's status. */
export const PrintingStatusSchema = z.object({
  printers: z.array(PrinterStatusSchema),
  /** Tickets held for being too old: they wait on the cashier's screen for "In" or "Bỏ qua". */
  held: z.number().int().min(0),
});
export type PrintingStatus = z.infer<typeof PrintingStatusSchema>;

/** `POST /api/orders/:id/print` on a station: the bill or the receipt to the receipt printer. */
export const PrintDocumentRequestSchema = z.object({ document: z.enum(["bill", "receipt"]) });
