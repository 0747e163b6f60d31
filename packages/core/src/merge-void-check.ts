import { foldOrder } from "./order-fold.js";
import { compareOps, type Op, type OpOf } from "./order-op.js";

type MergeVoid = OpOf<"voidLine"> | OpOf<"voidOrder">;

/** What a line is, for matching a line voided by a merge with the line it became. */
const lineSignature = (line: {
  itemId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  note: string | null;
}) => JSON.stringify([line.itemId, line.name, line.unitPrice, line.quantity, line.note]);

/**
 * Whether the voids that say a merge made them (`mergedInto`) are one, judged from `ops`, every
 * op known of the orders merged and merged into (held and pushed). Such voids need only the merge right, which a cashier
 * holds without the void right (see `planMerge`): without this check a cashier could void any
 * line, or a whole unpaid order, by naming some order it went to. A merge's line void must be
 * matched by a line added to the order merged into, by the same device and user, with the same
 * item, price, quantity and note (each added line backs one void); its order void must leave an
 * order with no line left and nothing paid. A void whose user may void anyway (`mayVoid`) needs
 * no backing. Returns the first void that fails, or null.
 */
export function unbackedMergeVoid(known: readonly Op[], mayVoid: (op: Op) => boolean): MergeVoid | null {
  const ops = [...new Map(known.map((op) => [op.id, op])).values()]; // held and pushed may overlap
  const voids = ops
    .filter(
      (op): op is MergeVoid =>
        (op.kind === "voidLine" || op.kind === "voidOrder") && op.data.mergedInto !== undefined,
    )
    .sort(compareOps);
  // Each added line backs at most one void: counted per target order, device, user, signature.
  const backing = new Map<string, number>();
  for (const op of ops) {
    if (op.kind !== "addLine") continue;
    const key = JSON.stringify([op.orderId, op.deviceId, op.userId, lineSignature(op.data)]);
    backing.set(key, (backing.get(key) ?? 0) + 1);
  }
  for (const op of voids) {
    const before = ops.filter((other) => other.orderId === op.orderId && compareOps(other, op) < 0);
    const order = foldOrder(op.orderId, before);
    if (op.kind === "voidOrder") {
      if ((order.lines.length > 0 || order.paid > 0) && !mayVoid(op)) return op;
      continue;
    }
    const line = order.lines.find((candidate) => candidate.id === op.data.lineId);
    if (!line) continue; // a line not known here voids nothing anyone could have chosen
    const key = JSON.stringify([op.data.mergedInto, op.deviceId, op.userId, lineSignature(line)]);
    const left = backing.get(key) ?? 0;
    if (left > 0) backing.set(key, left - 1);
    else if (!mayVoid(op)) return op;
  }
  return null;
}
