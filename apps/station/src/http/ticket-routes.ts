import { randomUUID } from "node:crypto";
import type { Clock } from "@quay/core";
import {
  ErrorBody,
  OrderParamsSchema,
  PrintDocumentRequestSchema,
  TICKET_STATES,
  TicketListSchema,
  TicketViewSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { queueDocument } from "../printing/document-tickets.js";
import { sessionOf } from "./request-session.js";

const TicketParamsSchema = z.object({ id: z.coerce.number().int().min(1) });
const TicketQuerySchema = z.object({
  state: z.enum(TICKET_STATES).default("held"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export interface TicketRouteDeps {
  db: StationDb;
  clock: Clock;
  /** A ticket was queued or changed: wake the spooler, refresh the status. */
  onTicketsChanged(): void;
}

/**
 * The tickets at this station (docs/printing.md): the held list with its "In" and "Bỏ qua", and
 * the bill or receipt sent to the receipt printer. For whoever is signed in at the counter.
 */
export function registerTicketRoutes(app: HttpService, deps: TicketRouteDeps) {
  const { db } = deps;
  const signedIn = { access: "signed-in" } as const;

  app.get(
    "/api/tickets",
    {
      config: signedIn,
      schema: {
        summary: "Tickets in one state (held unless said), newest first",
        querystring: TicketQuerySchema,
        response: { 200: TicketListSchema },
      },
    },
    async (request) => ({ tickets: db.tickets.list(request.query.state, request.query.limit) }),
  );

  /** Applies "In" or "Bỏ qua" to a held ticket: 404 if there is none, 409 if no longer held. */
  const decide = (id: number, change: (id: number) => boolean) => {
    if (!db.tickets.find(id)) throw new StationError("NOT_FOUND", "ticket");
    if (!change(id)) throw new StationError("TICKET_NOT_HELD");
    deps.onTicketsChanged();
    const ticket = db.tickets.find(id);
    if (!ticket) throw new StationError("NOT_FOUND", "ticket");
    return ticket;
  };

  app.post(
    "/api/tickets/:id/print",
    {
      config: signedIn,
      schema: {
        summary:
          "Print a held ticket now (“In”), whatever its age; 409 TICKET_NOT_HELD if it is not held, PRINTER_NOT_ACTIVE if its printer is paused or removed",
        params: TicketParamsSchema,
        response: { 200: TicketViewSchema, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const at = new Date(deps.clock.now()).toISOString();
      const printerId = db.tickets.find(request.params.id)?.printerId;
      const printers = db.catalog()?.printers ?? [];
      if (printerId && !printers.some((printer) => printer.id === printerId && printer.active)) {
        throw new StationError("PRINTER_NOT_ACTIVE");
      }
      return decide(request.params.id, (id) => db.tickets.release(id, at));
    },
  );

  app.post(
    "/api/tickets/:id/dismiss",
    {
      config: signedIn,
      schema: {
        summary: "Never print a held ticket (“Bỏ qua”); 409 TICKET_NOT_HELD if it is not held",
        params: TicketParamsSchema,
        response: { 200: TicketViewSchema, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => decide(request.params.id, (id) => db.tickets.dismiss(id)),
  );

  app.post(
    "/api/orders/:id/print",
    {
      config: signedIn,
      schema: {
        summary:
          "Print an order's provisional bill or receipt on the store's receipt printer; 409 NO_RECEIPT_PRINTER when the store prints them in the browser",
        params: OrderParamsSchema,
        body: PrintDocumentRequestSchema,
        response: { 202: z.object({ ticketId: z.number().int() }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const order = db.orders.getOrder(request.params.id);
      if (!order) throw new StationError("NOT_FOUND", "order");
      const ticketId = queueDocument(db, {
        order,
        document: request.body.document,
        requestId: randomUUID(),
        userId: sessionOf(request).user.id,
        nowMs: deps.clock.now(),
      });
      deps.onTicketsChanged();
      return reply.code(202).send({ ticketId });
    },
  );
}
