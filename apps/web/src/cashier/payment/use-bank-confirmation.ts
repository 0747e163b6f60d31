import type { BankTransfer } from "@quay/protocol";
import { useCallback, useContext, useMemo, useState } from "react";
import { useEventSource } from "../../shared/sse/use-event-source.js";
import { ApiContext } from "../api/api-context.js";

/** The station parsed it from the cloud's pull; this only keeps a stray event from breaking the panel. */
function isBankTransfer(data: unknown): data is BankTransfer {
  if (typeof data !== "object" || data === null) return false;
  const { id, orderId, amount } = data as Record<string, unknown>;
  return typeof id === "string" && typeof orderId === "string" && Number.isSafeInteger(amount);
}

/**
 * The transfer the store's bank confirmed for `orderId` (null while none): asked of the station
 * when the panel opens and on every reconnection, then heard as the station's `bankTransfer`
 * event, within a second of the bank's notification reaching the cloud. Null `orderId`: not
 * waiting, no stream.
 */
export function useBankConfirmation(orderId: string | null): BankTransfer | null {
  const api = useContext(ApiContext);
  const [confirmation, setConfirmation] = useState<BankTransfer | null>(null);

  const reload = useCallback(() => {
    if (api === null || orderId === null) return;
    api.bankTransfer(orderId).then(
      (transfer) => {
        if (transfer !== null) setConfirmation(transfer);
      },
      () => undefined, // the station is local; the next event or reconnection tells again
    );
  }, [api, orderId]);
  const handlers = useMemo(
    () => ({
      bankTransfer: (data: unknown) => {
        if (isBankTransfer(data) && data.orderId === orderId) setConfirmation(data);
      },
    }),
    [orderId],
  );
  useEventSource(orderId === null || api === null ? null : "/api/events", handlers, reload);
  return confirmation !== null && confirmation.orderId === orderId ? confirmation : null;
}
