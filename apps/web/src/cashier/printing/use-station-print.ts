import { useCallback, useState } from "react";
import { useApi } from "../api/api-context.js";

/**
 * Prints an order's bill or receipt on the store's receipt printer through the station, silently;
 * when the station cannot (the store prints in the browser, no receipt printer, the station is
 * unreachable), the browser's print dialog opens instead, as before.
 */
export function useStationPrint(orderId: string, document: "bill" | "receipt") {
  const api = useApi();
  const [sent, setSent] = useState(false);
  const print = useCallback(async () => {
    try {
      await api.printDocument(orderId, document);
      setSent(true);
    } catch {
      window.print();
    }
  }, [api, orderId, document]);
  return { print, sent };
}
