import type { Store } from "@quay/protocol";

/**
 * The store's two printing settings, read defensively: a server older than them (or a catalog
 * pulled before they existed) leaves them out, and the defaults apply.
 */
export function printingSettings(store: Store | undefined): {
  ticketMaxAgeMs: number;
  printReceipts: boolean;
} {
  const settings = store as (Store & { ticketMaxAgeMinutes?: number; printReceipts?: boolean }) | undefined;
  return {
    ticketMaxAgeMs: (settings?.ticketMaxAgeMinutes ?? 15) * 60_000,
    printReceipts: settings?.printReceipts ?? false,
  };
}
