import { OrderRuleError, planMerge } from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { lockStores, type Script } from "../sql-script.js";
import { foldChecked, loadOrderOps } from "./order-log.js";
import { getOrder } from "./orders.js";
import { recordServerOps, type ServerOpContext } from "./server-ops.js";

/**
 * Merges one open order into another in one transaction, as the core plans it (`planMerge`, the
 * same ops a station makes): the lines are added to the target, then voided on the source, which
 * is voided in turn.
 */
export function* mergeOrders(
  context: Omit<ServerOpContext, "orderId">,
  sourceId: string,
  targetId: string,
): Script<OrderView> {
  yield* lockStores([context.store.id]);
  for (const id of [sourceId, targetId]) {
    const order = yield* getOrder(id);
    if (!order || order.storeId !== context.store.id) throw new ServerError("NOT_FOUND", `order ${id}`);
  }
  const [source, target] = [
    foldChecked(sourceId, yield* loadOrderOps([sourceId])),
    foldChecked(targetId, yield* loadOrderOps([targetId])),
  ];
  const plan = planMerge(source, target, context.actor, context.newId);
  if (!plan.ok) throw new OrderRuleError(plan.code);
  const merged =
    plan.into.length === 0
      ? ((yield* getOrder(targetId))?.view ?? null)
      : yield* recordServerOps({ ...context, orderId: targetId }, () => plan.into);
  yield* recordServerOps({ ...context, orderId: sourceId }, () => plan.from);
  if (!merged) throw new Error(`order ${targetId} vanished during the merge`);
  return merged;
}
