import type { Order } from "@quay/core";
import type { BankTransfer, StationStatus } from "@quay/protocol";

type StatusListener = (status: StationStatus) => void;
type OrderListener = (order: Order) => void;
type CatalogListener = () => void;
type BankListener = (transfer: BankTransfer) => void;

/**
 * Fans out what the cashier app and waiters' phones listen to (`GET /api/events`): the station's
 * status whenever it changes, every order that changed, and a pulled menu or floor. Status is recomputed off the request path, coalesced
 * over a few milliseconds, and only sent when it differs from the last one sent.
 */
export class StatusHub {
  private readonly statusListeners = new Set<StatusListener>();
  private readonly orderListeners = new Set<OrderListener>();
  private readonly catalogListeners = new Set<CatalogListener>();
  private readonly bankListeners = new Set<BankListener>();
  private last: StationStatus | undefined;
  private lastJson = "";
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly compute: () => StationStatus,
    private readonly delayMs = 5,
  ) {}

  current(): StationStatus {
    return this.compute();
  }

  /** The latest status sent, computing it the first time. */
  latest(): StationStatus {
    if (!this.last) this.refresh();
    return this.last ?? this.compute();
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onOrder(listener: OrderListener): () => void {
    this.orderListeners.add(listener);
    return () => this.orderListeners.delete(listener);
  }

  onCatalog(listener: CatalogListener): () => void {
    this.catalogListeners.add(listener);
    return () => this.catalogListeners.delete(listener);
  }

  onBankTransfer(listener: BankListener): () => void {
    this.bankListeners.add(listener);
    return () => this.bankListeners.delete(listener);
  }

  /** The store's bank confirmed a transfer for an order: the payment dialog waiting on it records it. */
  bankTransferConfirmed(transfer: BankTransfer): void {
    for (const listener of this.bankListeners) listener(transfer);
  }

  catalogChanged(): void {
    for (const listener of this.catalogListeners) listener();
  }

  /** Something may have changed the status: recompute soon. */
  statusMayHaveChanged(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.delayMs);
  }

  orderChanged(order: Order): void {
    for (const listener of this.orderListeners) listener(order);
    this.statusMayHaveChanged();
  }

  close(): void {
    clearTimeout(this.timer);
    this.statusListeners.clear();
    this.orderListeners.clear();
    this.catalogListeners.clear();
    this.bankListeners.clear();
  }

  private refresh(): void {
    const status = this.compute();
    const json = JSON.stringify(status);
    if (json === this.lastJson) return;
    this.last = status;
    this.lastJson = json;
    for (const listener of this.statusListeners) listener(status);
  }
}
