import { compareOps, type Op, type OpOf } from "./order-op.js";

/** An `addLine`'s data with its id and quantity left out, keys sorted: what the line sells. */
function sells(data: OpOf<"addLine">["data"]): string {
  const { lineId: _lineId, quantity: _quantity, ...rest } = data;
  const entries = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/**
 * The first split (`splitLine`) in `known` that is not backed, or null. `known`: every op known
 * of the orders split and split into (held and pushed, in any order; `splitOrderIds`). A split
 * takes units off a line with the split right alone, which a cashier holds without the void
 * right: without this check a cashier could make any line vanish unaudited. So every split, by
 * whomever, must be matched by the `addLine` it names (`intoLineId` on `intoOrderId`), made by
 * the same device and user, selling the same thing as the line split (item, name, price, VAT,
 * note and whatever else a line records), with the units split; and each added line backs one
 * split only. `judged` picks the splits to judge (a receiver's: those pushed; one held was judged
 * when it came, and the order it went to need not be known). Ops of the same split reach a
 * receiver together: the station pushes an order's split with the ops of the order it went to
 * (`splitCompanions`).
 */
export function unbackedSplit(
  known: readonly Op[],
  judged: (split: OpOf<"splitLine">) => boolean = () => true,
): OpOf<"splitLine"> | null {
  const ops = [...new Map(known.map((op) => [op.id, op])).values()].sort(compareOps);
  const firstAdd = new Map<string, OpOf<"addLine">>();
  for (const op of ops) {
    if (op.kind !== "addLine") continue;
    const key = JSON.stringify([op.orderId, op.data.lineId]);
    if (!firstAdd.has(key)) firstAdd.set(key, op);
  }
  const splits = ops.filter((op): op is OpOf<"splitLine"> => op.kind === "splitLine");
  const targetOf = (op: OpOf<"splitLine">) => JSON.stringify([op.data.intoOrderId, op.data.intoLineId]);
  // A split not judged here still holds the line that backs it: no other split may claim it.
  const used = new Set(splits.filter((op) => !judged(op)).map(targetOf));
  for (const op of splits) {
    if (!judged(op)) continue;
    const source = firstAdd.get(JSON.stringify([op.orderId, op.data.lineId]));
    const targetKey = targetOf(op);
    const target = firstAdd.get(targetKey);
    const backed =
      source !== undefined &&
      target !== undefined &&
      !used.has(targetKey) &&
      target.deviceId === op.deviceId &&
      target.userId === op.userId &&
      target.data.quantity === op.data.quantity &&
      sells(target.data) === sells(source.data);
    if (!backed) return op;
    used.add(targetKey);
  }
  return null;
}

/** The orders whose ops judge these ops' splits: the orders split, and the orders split into. */
export function splitOrderIds(ops: Iterable<Op>): Set<string> {
  const orderIds = new Set<string>();
  for (const op of ops) {
    if (op.kind !== "splitLine") continue;
    orderIds.add(op.orderId);
    orderIds.add(op.data.intoOrderId);
  }
  return orderIds;
}
