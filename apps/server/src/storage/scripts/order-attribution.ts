import { compareOps, type Op } from "@quay/core";

/** Who did what to an order, as reports and the waiters' table map name them. */
export interface OrderAttribution {
  /** The user whose `open` op the fold keeps (the first one). */
  readonly openedBy: string | null;
  /** The user and device of the checkout that counts (the first `close`, as in the fold). */
  readonly closedBy: string | null;
  readonly closedDevice: string | null;
}

/**
 * Reads the attribution off an order's ops, choosing the same `open` and `close` ops as the
 * core's `foldOrder` (the first of each in `compareOps` order), so it never disagrees with the
 * order's `openedAt` and `paidAt`.
 */
export function orderAttribution(ops: readonly Op[]): OrderAttribution {
  let open: Op | null = null;
  let close: Op | null = null;
  for (const op of ops) {
    if (op.kind === "open" && (open === null || compareOps(op, open) < 0)) open = op;
    if (op.kind === "close" && (close === null || compareOps(op, close) < 0)) close = op;
  }
  return {
    openedBy: open?.userId ?? null,
    closedBy: close?.userId ?? null,
    closedDevice: close?.deviceId ?? null,
  };
}
