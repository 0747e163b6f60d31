import type { OrderLine } from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { lockStores, type Script } from "../sql-script.js";
import { foldChecked, loadOrderOps } from "./order-log.js";
import { getOrder } from "./orders.js";
import { recordServerOps, type ServerOpContext } from "./server-ops.js";

/**
 * Merges one open order into another as plain ops, in one transaction: each active line of the
 * source is added to the target (new line ids, same item, price, VAT, quantity and note), then
 * voided on the source with a reason naming the target, and the emptied source is voided. An
 * order with payments or a discount is refused: those do not carry over by themselves.
 */
export function* mergeOrders(
  context: Omit<ServerOpContext, "orderId">,
  sourceId: string,
  targetId: string,
): Script<OrderView> {
  yield* lockStores([context.store.id]);
  if (sourceId === targetId) throw new ServerError("MERGE_REFUSED", "an order cannot merge into itself");
  const [source, target] = [yield* getOrder(sourceId), yield* getOrder(targetId)];
  for (const [id, order] of [
    [sourceId, source],
    [targetId, target],
  ] as const) {
    if (!order || order.storeId !== context.store.id) throw new ServerError("NOT_FOUND", `order ${id}`);
  }
  const sourceOrder = foldChecked(sourceId, yield* loadOrderOps([sourceId]));
  if (sourceOrder.status !== "open" || sourceOrder.paid > 0 || sourceOrder.discount > 0) {
    throw new ServerError("MERGE_REFUSED", `order ${sourceId}`);
  }
  if (target?.view.status !== "open") throw new ServerError("MERGE_REFUSED", `order ${targetId}`);
  const lines: readonly OrderLine[] = sourceOrder.lines;
  const targetLabel = target.view.number ?? targetId;

  const merged =
    lines.length === 0
      ? target.view
      : yield* recordServerOps({ ...context, orderId: targetId }, () =>
          lines.map((line) => ({
            kind: "addLine" as const,
            data: {
              lineId: context.newId(),
              itemId: line.itemId,
              name: line.name,
              unitPrice: line.unitPrice,
              vatRate: line.vatRate,
              quantity: line.quantity,
              note: line.note,
            },
          })),
        );
  const reason = `Gộp vào ${targetLabel}`;
  yield* recordServerOps({ ...context, orderId: sourceId }, () => [
    ...lines.map((line) => ({ kind: "voidLine" as const, data: { lineId: line.id, reason } })),
    { kind: "voidOrder" as const, data: { reason } },
  ]);
  return merged;
}
