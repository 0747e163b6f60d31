import { BankTransferSchema, ErrorBody, Id } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { BankConfirmations } from "./bank-confirmations.js";

/** What the cashier's transfer panel asks when it opens, beside the `bankTransfer` events. */
export function registerBankRoutes(app: HttpService, deps: { confirmations: BankConfirmations }) {
  app.get(
    "/api/orders/:id/bank-transfer",
    {
      config: { access: { permission: "orders.pay" } },
      schema: {
        summary:
          "The transfer the store's bank confirmed for this order (through the cloud), or null: the payment dialog records it",
        params: z.object({ id: Id }),
        response: {
          200: z.object({ transfer: BankTransferSchema.nullable() }),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (request) => ({ transfer: deps.confirmations.forOrder(request.params.id) }),
  );
}
