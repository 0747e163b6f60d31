import {
  BankKeyResponseSchema,
  BankNotificationsQuerySchema,
  BankNotificationsResponseSchema,
  ErrorBody,
  Id,
  SepayAnswerSchema,
  SepayNotificationSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { bankKeyHash, newBankKey } from "../auth/bank-key.js";
import { bankStoreOf, callerOf, callerStore, chooseStore } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import {
  bankKeyCreatedAt,
  listBankNotifications,
  recordBankNotification,
  setBankKey,
} from "../storage/scripts/bank-notifications.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** A SePay notification is under 2 KiB; a bigger body is no notification. */
const NOTIFICATION_BODY_LIMIT = 64 * 1024;

/**
 * Bank notifications (docs/api.md, "Bank notifications"): the webhook the store's bank service
 * posts each transaction to, the back office's list of them, and the store's key for the webhook.
 */
export function registerBankRoutes(app: HttpService, context: ServerContext): void {
  app.post(
    "/api/bank/sepay",
    {
      bodyLimit: NOTIFICATION_BODY_LIMIT,
      // No person or station: SePay calls with the store's key (`Authorization: Apikey …`).
      config: { access: "bank-key" },
      schema: {
        tags: ["bank"],
        summary:
          "SePay's webhook: one transaction on the store's account (Apikey). Kept once by SePay's id; an incoming transfer naming an open order for exactly what it owes is matched, and the store's counters hear of it",
        body: SepayNotificationSchema,
        response: { 200: SepayAnswerSchema, ...refusals },
      },
    },
    async (request) => {
      const store = bankStoreOf(request);
      const body = request.body;
      // One short transaction (store, match, move the head), then the answer: SePay waits 5 s at most
      // and retries what it does not hear back from; a retry finds the row and changes nothing.
      const recorded = await context.storage.write(
        recordBankNotification({
          store,
          id: context.newId(),
          now: nowIso(context),
          notification: {
            provider: "sepay",
            providerId: String(body.id),
            gateway: body.gateway,
            transactionDate: body.transactionDate,
            transferType: body.transferType,
            amount: body.transferAmount,
            content: body.content,
            code: body.code ?? null,
            bankRef: body.referenceCode ?? null,
            body: JSON.stringify(body),
          },
        }),
      );
      request.log.info({ storeId: store.id, providerId: String(body.id), ...recorded }, "bank notification");
      return { success: true as const };
    },
  );

  app.get(
    "/api/bank/notifications",
    {
      config: { access: { permission: "reports.read" } },
      schema: {
        tags: ["bank"],
        summary:
          "The store's bank notifications, newest first, with what each matched (matched, wrong_amount, no_order, already_paid, outgoing)",
        querystring: BankNotificationsQuerySchema,
        response: { 200: BankNotificationsResponseSchema, ...refusals },
      },
    },
    async (request) => {
      const store = chooseStore(callerOf(request), request.query.storeId);
      const [keyCreatedAt, notifications] = await Promise.all([
        context.storage.read(bankKeyCreatedAt(store.id)),
        context.storage.read(
          listBankNotifications({
            storeId: store.id,
            outcome: request.query.outcome,
            limit: request.query.limit,
          }),
        ),
      ]);
      return { keySet: keyCreatedAt !== null, keyCreatedAt, notifications };
    },
  );

  app.post(
    "/api/stores/:id/bank-key",
    {
      config: { access: { permission: "stores.edit" } },
      schema: {
        tags: ["bank", "stores"],
        summary:
          "A new API key for the store's bank notifications, shown this once (the server keeps its SHA-256); the old key stops working",
        params: z.object({ id: Id }),
        response: { 201: BankKeyResponseSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const store = callerStore(caller, request.params.id);
      const key = newBankKey();
      const createdAt = nowIso(context);
      await context.storage.write(
        setBankKey({
          storeId: store.id,
          tenantId: store.tenantId,
          keyHash: bankKeyHash(key),
          userId: caller.user.id,
          now: createdAt,
        }),
      );
      return reply.status(201).send({ key, createdAt, webhookPath: "/api/bank/sepay" as const });
    },
  );
}
