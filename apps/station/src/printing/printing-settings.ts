import type { Store } from "@quay/protocol";

/**
 * The store's two printing settings. Read defensively: a store kept by a station before the
 * settings existed (its catalog was pulled from an older server) has neither, and the defaults
 * apply, as the schema's own.
 */
export function printingSettings(store: Store | undefined): {
  ticketMaxAgeMs: number;
  printReceipts: boolean;
} {
  const kept: Partial<Pick<Store, "ticketMaxAgeMinutes" | "printReceipts">> = store ?? {};
  return {
    ticketMaxAgeMs: (kept.ticketMaxAgeMinutes ?? 15) * 60_000,
    printReceipts: kept.printReceipts ?? false,
  };
}
