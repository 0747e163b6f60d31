import { type Op, orderSteps } from "@quay/core";
import type { HistoryEntry, OrderHistory } from "@quay/protocol";
import { allIn, type Script } from "../sql-script.js";
import { storeStations, storeTables, userNames } from "./display-names.js";
import { summarizeOp } from "./op-summary.js";
import { loadOrderOps } from "./order-log.js";

/** Ops made on the server (phones, the back office) come from `web-<session>` devices. */
const WEB_DEVICE = /^web-/;

/** The approver of an op that carries one. */
function approverOf(op: Op): string | null {
  const data = op.data as { approvedBy?: string | undefined };
  return data.approvedBy ?? null;
}

/** The order a merge moved lines to, when the op says. */
function mergedIntoOf(op: Op): string | null {
  const data = op.data as { mergedInto?: string | undefined; intoOrderId?: string | undefined };
  return data.mergedInto ?? data.intoOrderId ?? null; // a split's too: the order it went to
}

/**
 * Every op of an order of `storeId`, in the order they apply, each with who made it on which
 * device, who approved it and what it changed, names resolved (`GET /api/orders/:id/history`).
 */
export function* orderHistory(
  order: { id: string; number: string | null },
  storeId: string,
): Script<OrderHistory> {
  const steps = orderSteps(order.id, yield* loadOrderOps([order.id]));
  const ops = steps.map((step) => step.op);
  const people = yield* userNames(ops.flatMap((op) => [op.userId, approverOf(op) ?? op.userId]));
  const stations = yield* storeStations([storeId]);
  const tables = yield* storeTables([storeId]);
  const mergedInto = [...new Set(ops.map(mergedIntoOf).filter((id) => id !== null))];
  const numbers = yield* allIn<{ id: string; number: string | null }>(
    "SELECT id, number FROM orders WHERE id IN (?*)",
    mergedInto,
  );
  const names = { tables, numbers: new Map(numbers.map((row) => [row.id, row.number])) };
  const person = (id: string) => ({ id, name: people.get(id) ?? null });
  const entries = steps.map((step): HistoryEntry => {
    const { op } = step;
    const approver = approverOf(op);
    const web = WEB_DEVICE.test(op.deviceId);
    return {
      id: op.id,
      kind: op.kind,
      at: op.at,
      actor: person(op.userId),
      approver: approver === null ? null : person(approver),
      device: {
        id: op.deviceId,
        kind: web ? "web" : "station",
        name: web ? null : (stations.get(op.deviceId)?.name ?? null),
      },
      summary: summarizeOp(step, names),
    };
  });
  return { orderId: order.id, number: order.number, entries };
}
