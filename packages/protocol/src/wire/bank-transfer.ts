import { z } from "zod";
import { Id, IsoTime, PositiveMoney } from "./common.js";

/**
 * A transfer the store's bank confirmed for one of its open orders, for exactly what the order
 * still owed when the notification came (outcome `matched`, docs/api.md "Bank notifications").
 * It rides the pull (since 11) so that the counter whose payment dialog waits on that order
 * records the payment itself: the op log stays written by the counter.
 */
export const BankTransferSchema = z.object({
  /** The server's id of the notification (not the bank's). */
  id: Id,
  orderId: Id,
  orderNumber: z.string().min(1).max(64),
  amount: PositiveMoney,
  /** The bank's reference of the transfer (SePay's `referenceCode`), if it gave one. */
  bankRef: z.string().max(255).nullable(),
  /** When the server heard of it. */
  at: IsoTime,
});
export type BankTransfer = z.infer<typeof BankTransferSchema>;
