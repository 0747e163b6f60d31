/**
 * The station's own share of a catch-up (reading a batch of the outbox, marking a push's ops
 * synced) runs in slices short enough that a cashier's call waits for one slice at most, never
 * for a whole batch: between two slices the event loop answers whatever came in.
 */

/** Ops read or marked synced between two turns of the event loop (a few milliseconds' work). */
export const SLICE_OPS = 250;

/** Closed orders whose ops are read between two turns of the event loop (about SLICE_OPS ops). */
export const READ_SLICE_ORDERS = 32;

/**
 * Resolves once the event loop has run the I/O that was waiting (a cashier's request): after
 * the poll phase, unlike a timer, which would add a millisecond to every slice.
 */
export function nextSlice(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `ops` in slices of about `maxOps`, every order's ops in one slice (an order leaves the outbox
 * in the one transaction that marks its ops synced, never half-way through a push).
 * An order with more ops than `maxOps` is a slice of its own.
 */
export function slicesByOrder<T extends { readonly orderId: string }>(
  ops: readonly T[],
  maxOps: number = SLICE_OPS,
): T[][] {
  const byOrder = new Map<string, T[]>();
  for (const op of ops) {
    const list = byOrder.get(op.orderId);
    if (list) list.push(op);
    else byOrder.set(op.orderId, [op]);
  }
  const slices: T[][] = [];
  let current: T[] = [];
  for (const orderOps of byOrder.values()) {
    if (current.length > 0 && current.length + orderOps.length > maxOps) {
      slices.push(current);
      current = [];
    }
    current.push(...orderOps);
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
