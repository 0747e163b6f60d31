import type { Shift } from "@quay/core";
import {
  CloseShiftRequestSchema,
  ErrorBody,
  OpenShiftRequestSchema,
  ShiftAnswerSchema,
  ShiftCashRequestSchema,
  ShiftResultSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { FastifyRequest } from "fastify";
import type { ShiftService } from "../selling/shift-service.js";
import { sessionOf } from "./request-session.js";
import { maybeShiftView, shiftView } from "./shift-view.js";

/** Cashiers, managers and owners run the counter's shift; a waiter does not. */
const shiftsAccess = { access: { permission: "shifts.run" } } as const;
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

/**
 * The counter's cash shift (API.md, docs/cashier-app.md "Shifts"). Every answer comes from the
 * station's own SQLite file, online or offline; none waits on the network.
 */
export function registerShiftRoutes(app: HttpService, shifts: ShiftService) {
  /** A closed shift as its report prints: the figures and the other sections. */
  const reportView = (shift: Shift) => ({ ...shiftView(shift), details: shifts.details(shift) });
  const actor = (request: FastifyRequest) => {
    const { user } = sessionOf(request);
    return { userId: user.id, role: user.role, approver: null };
  };

  app.get(
    "/api/shift",
    {
      config: shiftsAccess,
      schema: {
        summary: "The counter's open shift with its figures so far, or null",
        response: { 200: ShiftAnswerSchema },
      },
    },
    async () => ({ shift: maybeShiftView(shifts.current()) }),
  );

  app.get(
    "/api/shift/last",
    {
      config: shiftsAccess,
      schema: {
        summary: "The counter's last closed shift, its end-of-shift report (to print again), or null",
        response: { 200: ShiftAnswerSchema },
      },
    },
    async () => {
      const shift = shifts.lastClosed();
      return { shift: shift === null ? null : reportView(shift) };
    },
  );

  app.post(
    "/api/shift/open",
    {
      config: shiftsAccess,
      schema: {
        summary: "Open a shift at this counter with the opening cash (tiền đầu ca); 409 while one is open",
        body: OpenShiftRequestSchema,
        response: { 201: ShiftResultSchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ shift: shiftView(shifts.open(actor(request), request.body.openingCash)) }),
  );

  app.post(
    "/api/shift/cash",
    {
      config: shiftsAccess,
      schema: {
        summary:
          "Record cash taken into or out of the drawer with its reason (trả nhà cung cấp, nộp ngân hàng, …); a cash-out is at most what the drawer should hold",
        body: ShiftCashRequestSchema,
        response: { 200: ShiftResultSchema, ...refusals },
      },
    },
    async (request) => ({ shift: shiftView(shifts.cash(actor(request), request.body)) }),
  );

  app.post(
    "/api/shift/close",
    {
      config: shiftsAccess,
      schema: {
        summary:
          'Close the open shift with the drawer counted by denomination ({"500000": n, …, "1000": n}); answers the closed shift, its end-of-shift report',
        body: CloseShiftRequestSchema,
        response: { 200: ShiftResultSchema, ...refusals },
      },
    },
    async (request) => ({ shift: reportView(shifts.close(actor(request), request.body.counted)) }),
  );
}
