import type { Op } from "./order-op.js";

/** A new op its own device could not have made, and the rule it breaks. */
export interface OpAfterOwnEnd {
  readonly op: Op;
  readonly end: Op;
  readonly code: "ORDER_PAID" | "ORDER_VOID";
}

/**
 * The first new op of `deviceId` made after that device's own close of the order (only a refund,
 * a `voidOrder`, or the kitchen's `markReady` may follow) or its own void (nothing may), or null. The core's `validateOp`
 * refused such an op at the device, which numbers its ops as it makes them (`deviceSeq`) and stamps
 * each change of an order after everything it holds of it (`at`), so an op later in both is forged
 * or corrupt: a line added to a sale already paid. Ops of other devices are not judged here: a
 * phone may add a line the station had not seen when it closed (the fold flags it). Every tier that
 * takes pushed ops (the cloud, a shop's hub) asks this of each device whose new ops it stores.
 */
export function opAfterOwnEnd(
  deviceId: string,
  ops: readonly Op[],
  isNew: (op: Op) => boolean,
): OpAfterOwnEnd | null {
  const own = ops.filter((op) => op.deviceId === deviceId);
  // A void ends more than a close: it is checked first.
  const ends = [...own.filter((op) => op.kind === "voidOrder"), ...own.filter((op) => op.kind === "close")];
  if (ends.length === 0) return null;
  const after = (op: Op, end: Op) => op.deviceSeq > end.deviceSeq && Date.parse(op.at) > Date.parse(end.at);
  for (const op of own) {
    if (!isNew(op)) continue;
    for (const end of ends) {
      if (!after(op, end) || (end.kind === "close" && mayFollowClose(op))) continue;
      return { op, end, code: end.kind === "close" ? "ORDER_PAID" : "ORDER_VOID" };
    }
  }
  return null;
}

/** A paid order may still be refunded, and what it sold may still be being made. */
function mayFollowClose(op: Op): boolean {
  return op.kind === "voidOrder" || op.kind === "refund" || op.kind === "markReady";
}
