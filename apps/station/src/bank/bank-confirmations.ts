import type { BankTransfer } from "@quay/protocol";

type ConfirmationListener = (transfer: BankTransfer) => void;

/** How many confirmations are kept: a day's transfers at a busy counter, and then some. */
const KEPT = 500;

/**
 * The transfers the cloud says the store's bank confirmed (pulled, `bankTransfers`), by order,
 * for the cashier's payment dialog that waits on one (`GET /api/orders/:id/bank-transfer`, and the
 * `bankTransfer` event). Kept in memory only: after a restart the cashier confirms by hand, as
 * offline. Nothing here changes an order; the cashier app records the payment through the usual
 * route, so the op log stays the counter's.
 */
export class BankConfirmations {
  private readonly byOrder = new Map<string, BankTransfer>();
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<ConfirmationListener>();

  /** Takes what a pull brought; each confirmation is told once, however often it is pulled. */
  add(transfers: readonly BankTransfer[]): void {
    for (const transfer of transfers) {
      if (this.seen.has(transfer.id)) continue;
      this.seen.add(transfer.id);
      this.byOrder.delete(transfer.orderId);
      this.byOrder.set(transfer.orderId, transfer);
      for (const listener of this.listeners) listener(transfer);
    }
    while (this.byOrder.size > KEPT) {
      const oldest = this.byOrder.keys().next().value;
      if (oldest === undefined) break;
      this.byOrder.delete(oldest);
    }
    if (this.seen.size > KEPT * 4) this.seen.clear();
  }

  /** The latest confirmation for this order, if one came. */
  forOrder(orderId: string): BankTransfer | null {
    return this.byOrder.get(orderId) ?? null;
  }

  onConfirmed(listener: ConfirmationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
