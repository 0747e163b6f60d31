import type { DiscountAsked } from "./use-discount-form.js";

/**
 * The call a discount makes, the same at a station and on the server: the bill's
 * (`POST /api/orders/:id/discount`) or a line's (`…/lines/:lineId/discount`); 0 removes it.
 */
export function discountRequest(orderId: string, asked: DiscountAsked): [path: string, body: object] {
  const order = `/api/orders/${encodeURIComponent(orderId)}`;
  const path =
    asked.lineId === null
      ? `${order}/discount`
      : `${order}/lines/${encodeURIComponent(asked.lineId)}/discount`;
  return [
    path,
    {
      amount: asked.amount,
      reason: asked.reason,
      ...(asked.percent === undefined ? {} : { percent: asked.percent }),
      ...(asked.managerPin === null || asked.managerPin === "" ? {} : { managerPin: asked.managerPin }),
    },
  ];
}
