/** How the sync engine sizes and paces its work; the defaults are the product's, tests tune them. */
export interface SyncEngineOptions {
  /** Closed orders per push while catching up on the paid backlog. */
  paidBatchOrders: number;
  /**
   * Pushes of the paid backlog on their way at once, besides the one being answered: with 2 the
   * server parses one push while it stores the other (a catch-up of 10,000 invoices takes about
   * a fifth less time than with 1).
   */
  pushesInFlight: number;
  /** Ops per pull page. */
  pullLimit: number;
  /** While online, pull at least this often even without a server event. */
  pullEveryMs: number;
  /** While online, push this long after a local change (lets a burst of calls share a push). */
  pushDelayMs: number;
  /** While online, pull this long after the server says something changed (coalesces a burst). */
  pullDelayMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncEngineOptions = {
  paidBatchOrders: 500,
  pushesInFlight: 2,
  pullLimit: 5_000,
  pullEveryMs: 5_000,
  pushDelayMs: 75,
  pullDelayMs: 100,
};
