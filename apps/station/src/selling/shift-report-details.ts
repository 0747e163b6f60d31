import { type Category, type Shift, shiftDetails } from "@quay/core";
import type { ShiftDetailsView } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";

/**
 * The end-of-shift report's sections (by category, discounts, voids, reductions and refunds
 * with who approved them) from the orders and ops this counter holds, with the staff's names.
 */
export function shiftReportDetails(db: StationDb, shift: Shift): ShiftDetailsView {
  const from = shift.openedAt ?? "";
  const window = { stationId: shift.stationId ?? "", from, to: shift.closedAt };
  const orders = db.shifts
    .ordersChangedSince(from)
    .map((order) => ({ order, ops: db.orders.opsOf(order.id) }));
  const categories = new Map<string, Category>((db.catalog()?.categories ?? []).map((c) => [c.id, c]));
  const categoryOf = (itemId: string) => {
    const item = db.findItem(itemId);
    return (item && categories.get(item.categoryId)) ?? null;
  };
  const details = shiftDetails(orders, window, categoryOf);
  const nameOf = (userId: string) => db.credentials.findByUserId(userId)?.name ?? userId;
  return {
    byCategory: details.byCategory.map(({ category, quantity, amount }) => ({
      name: category?.name ?? null,
      quantity,
      amount,
    })),
    discounts: { ...details.discounts },
    controls: details.controls.map((event) => ({
      kind: event.kind,
      orderId: event.orderId,
      orderNumber: event.orderNumber,
      at: event.at,
      userName: nameOf(event.userId),
      approverName: event.approvedBy === null ? null : nameOf(event.approvedBy),
      amount: event.amount,
      reason: event.reason,
      itemName: event.itemName,
      quantity: event.quantity,
    })),
  };
}
