import { BANK_OUTCOMES, MAX_AMOUNT } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";

/** A bank's free text as a notification carries it: bounded, never required. */
const BankText = (max: number) => z.string().max(max).nullish();

/**
 * `POST /api/bank/sepay`: one transaction on the store's bank account as SePay's webhook posts
 * it (developer.sepay.vn, "Tích hợp webhook"), with `Authorization: Apikey <the store's key>`.
 * The fields parsed here are kept with the notification (others are dropped). SePay's `id` is a number
 * today; a text id is taken too so that a change on their side does not lose notifications.
 */
export const SepayNotificationSchema = z.object({
  id: z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(100)]),
  gateway: z.string().max(100),
  /** The bank's time of the transaction, `2023-03-25 14:02:37` (local, no zone). */
  transactionDate: z.string().max(40),
  accountNumber: z.string().max(50),
  /** The payment code SePay recognised in the content, if its code pattern is set up. */
  code: BankText(100),
  content: z.string().max(1_000),
  transferType: z.enum(["in", "out"]),
  transferAmount: z.number().int().min(0).max(MAX_AMOUNT),
  accumulated: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
  subAccount: BankText(50),
  referenceCode: BankText(255),
  description: BankText(2_000),
});
export type SepayNotification = z.infer<typeof SepayNotificationSchema>;

/** What SePay counts as delivered: any 2xx answer with `{ success: true }`. */
export const SepayAnswerSchema = z.object({ success: z.literal(true) });

export const BankOutcomeSchema = z.enum(BANK_OUTCOMES);

/** One bank notification as the back office lists it, with what the server made of it. */
export const BankNotificationSchema = z.object({
  id: Id,
  storeId: Id,
  /** The service that sent it: `sepay`. */
  provider: z.string(),
  /** The service's id of the transaction (what retries are recognised by). */
  providerId: z.string(),
  receivedAt: IsoTime,
  gateway: z.string(),
  /** The bank's own time of the transaction, as it gave it. */
  transactionDate: z.string(),
  transferType: z.enum(["in", "out"]),
  amount: z.number().int().min(0),
  content: z.string(),
  bankRef: z.string().nullable(),
  outcome: BankOutcomeSchema,
  /** The order the content names, when one was found. */
  orderId: Id.nullable(),
  orderNumber: z.string().nullable(),
});
export type BankNotification = z.infer<typeof BankNotificationSchema>;

/** `GET /api/bank/notifications?storeId=&outcome=`: newest first. */
export const BankNotificationsQuerySchema = z.object({
  storeId: Id.optional(),
  outcome: BankOutcomeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const BankNotificationsResponseSchema = z.object({
  /** Whether the store has a key for its bank notifications (the key itself is never shown again). */
  keySet: z.boolean(),
  keyCreatedAt: IsoTime.nullable(),
  notifications: z.array(BankNotificationSchema),
});

/** `POST /api/stores/:id/bank-key`: a new key for the store's bank notifications, shown once. */
export const BankKeyResponseSchema = z.object({
  /** What to paste into SePay's webhook "API Key"; the server keeps only its SHA-256. */
  key: z.string(),
  createdAt: IsoTime,
  /** The path SePay posts to, on the server's own origin. */
  webhookPath: z.literal("/api/bank/sepay"),
});
export type BankNotificationList = z.infer<typeof BankNotificationsResponseSchema>;
export type BankKey = z.infer<typeof BankKeyResponseSchema>;
